using Gatehouse.Core.Model;
using Gatehouse.Core.NoSql;

namespace Gatehouse.Core.Tests.NoSql;

public sealed class MongoShellClassifierTests
{
    [Theory]
    [InlineData("db.users.find({})", Verb.Read, Risk.None, "collection", "users", "")]
    [InlineData("db.users.find({age: {$gt: 30}}).sort({name: 1}).limit(10)", Verb.Read, Risk.None, "collection", "users", "")]
    [InlineData("db.users.findOne({_id: ObjectId('64b7')})", Verb.Read, Risk.None, "collection", "users", "")]
    [InlineData("db.orders.countDocuments({status: 'open'})", Verb.Read, Risk.None, "collection", "orders", "")]
    [InlineData("db.orders.count()", Verb.Read, Risk.None, "collection", "orders", "")]
    [InlineData("db.orders.aggregate([{$match: {a: 1}}, {$group: {_id: '$b', n: {$sum: 1}}}])", Verb.Read, Risk.None, "collection", "orders", "")]
    [InlineData("db.orders.aggregate([{$match: {}}, {$out: 'orders_copy'}])", Verb.Create, Risk.High, "collection", "orders_copy", "")]
    [InlineData("db.orders.aggregate([{$merge: {into: 'totals'}}])", Verb.Update, Risk.Medium, "collection", null, "")]
    [InlineData("db.getCollection('audit-log').find()", Verb.Read, Risk.None, "collection", "audit-log", "")]
    [InlineData("db.users.getIndexes()", Verb.Read, Risk.None, "collection", "users", "")]
    [InlineData("db.getCollectionNames()", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("show dbs", Verb.List, Risk.None, "database", null, "")]
    [InlineData("use shop", Verb.Read, Risk.None, "database", "shop", "")]
    [InlineData("db.users.insertOne({name: 'a'})", Verb.Create, Risk.Low, "collection", "users", "")]
    [InlineData("db.users.insertMany([{a: 1}, {a: 2}])", Verb.Create, Risk.Low, "collection", "users", "")]
    [InlineData("db.users.createIndex({email: 1}, {unique: true})", Verb.Create, Risk.Low, "index", "users", "")]
    [InlineData("db.users.updateOne({_id: 1}, {$set: {a: 1}})", Verb.Update, Risk.High, "collection", "users", "")]
    [InlineData("db.users.updateMany({active: false}, {$set: {archived: true}})", Verb.Update, Risk.High, "collection", "users", "")]
    [InlineData("db.users.updateMany({}, {$set: {archived: true}})", Verb.Update, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.updateMany({ }, {$unset: {email: ''}})", Verb.Update, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.update({}, {$set: {a: 1}}, {multi: true})", Verb.Update, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.update({}, {$set: {a: 1}})", Verb.Update, Risk.High, "collection", "users", "")]
    [InlineData("db.users.replaceOne({_id: 1}, {a: 2})", Verb.Update, Risk.High, "collection", "users", "")]
    [InlineData("db.users.deleteOne({_id: 1})", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.users.deleteMany({status: 'inactive'})", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.users.deleteMany({})", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.deleteMany({ /* all */ })", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.deleteMany({_id: {$exists: true}})", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.remove({})", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.users.remove({}, true)", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.users.remove({}, {justOne: true})", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.users.remove({name: /^test/})", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.users.drop()", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.getCollection(\"users\").drop()", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.getSiblingDB('prod').users.drop()", Verb.Delete, Risk.Critical, "collection", "prod.users", "all-rows")]
    [InlineData("db['users'].deleteMany({})", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.dropDatabase()", Verb.Delete, Risk.Critical, "database", null, "all-resources")]
    [InlineData("use prod\ndb.dropDatabase()", Verb.Delete, Risk.Critical, "database", "prod", "all-resources")]
    [InlineData("db.getSiblingDB('prod').dropDatabase()", Verb.Delete, Risk.Critical, "database", "prod", "all-resources")]
    [InlineData("db.users.dropIndex('email_1')", Verb.Delete, Risk.High, "index", "users", "")]
    [InlineData("db.users.dropIndexes()", Verb.Delete, Risk.High, "index", "users", "")]
    [InlineData("db.adminCommand({dropDatabase: 1})", Verb.Delete, Risk.Critical, "database", null, "all-resources")]
    [InlineData("db.runCommand({drop: 'users'})", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.runCommand({delete: 'users', deletes: [{q: {}, limit: 0}]})", Verb.Delete, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.runCommand({delete: 'users', deletes: [{q: {a: 1}, limit: 1}]})", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.runCommand({ping: 1})", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("db.adminCommand('listDatabases')", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("db.adminCommand({shutdown: 1})", Verb.Update, Risk.Critical, "server", null, "")]
    [InlineData("db.runCommand({frobnicate: 1})", Verb.Unknown, Risk.High, "database", null, "opaque")]
    [InlineData("db.users.renameCollection('people')", Verb.Update, Risk.High, "collection", "users", "")]
    [InlineData("db.users.renameCollection('people', true)", Verb.Delete, Risk.Critical, "collection", "users", "")]
    [InlineData("db.createUser({user: 'bob', pwd: 'x', roles: ['root']})", Verb.Grant, Risk.High, "user", "bob", "")]
    [InlineData("db.grantRolesToUser('bob', ['readWrite'])", Verb.Grant, Risk.High, "user", "bob", "")]
    [InlineData("db.revokeRolesFromUser('bob', ['readWrite'])", Verb.Revoke, Risk.High, "user", "bob", "")]
    [InlineData("db.dropAllUsers()", Verb.Delete, Risk.Critical, "user", null, "all-resources")]
    [InlineData("db.users.bulkWrite([{insertOne: {document: {a: 1}}}, {deleteMany: {filter: {}}}])", Verb.Delete, Risk.High, "collection", "users", "")]
    [InlineData("db.getCollectionNames().forEach(function (c) { db[c].drop() })", Verb.Delete, Risk.Critical, "collection", null, "all-rows,dynamic-target")]
    [InlineData("const c = db.getCollection('x'); c.deleteMany({})", Verb.Delete, Risk.Critical, "collection", null, "all-rows,dynamic-target")]
    [InlineData("db.users.frobnicate()", Verb.Unknown, Risk.High, "database", null, "opaque")]
    [InlineData("launchMissiles(1)", Verb.Unknown, Risk.High, "database", null, "opaque")]
    [InlineData("db.users.find({name: 'unterminated)", Verb.Unknown, Risk.High, "database", null, "opaque,parse-error")]
    [InlineData("db.users.find({)", Verb.Unknown, Risk.High, "database", null, "opaque,parse-error")]
    [InlineData("// db.users.drop()\ndb.users.find()", Verb.Read, Risk.None, "collection", "users", "")]
    [InlineData("db.users.find({note: 'db.users.drop()'})", Verb.Read, Risk.None, "collection", "users", "")]
    [InlineData("db.system.users.find()", Verb.Read, Risk.None, "collection", "system.users", "")]
    [InlineData("db.fsyncLock()", Verb.Update, Risk.High, "server", null, "lock-heavy")]
    [InlineData("rs.status()", Verb.Read, Risk.None, "replica-set", null, "")]
    [InlineData("rs.stepDown()", Verb.Update, Risk.High, "replica-set", null, "")]
    [InlineData("sh.shardCollection('a.b', {x: 1})", Verb.Update, Risk.High, "cluster", null, "")]
    [InlineData("load('/tmp/x.js')", Verb.Execute, Risk.High, "file", "/tmp/x.js", "opaque")]
    [InlineData("runProgram('rm', '-rf', '/')", Verb.Execute, Risk.High, "program", "rm", "opaque")]
    [InlineData("print('hi')", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("printjson(db.serverStatus())", Verb.Read, Risk.None, "database", null, "")]
    [InlineData("db.users.find().forEach(d => db.archive.insertOne(d))", Verb.Create, Risk.Low, "collection", "archive", "")]
    [InlineData("db.users.updateMany({}, [{$set: {a: 1}}])", Verb.Update, Risk.Critical, "collection", "users", "all-rows")]
    [InlineData("db.getSiblingDB('admin').runCommand({listDatabases: 1})", Verb.Read, Risk.None, "database", "admin", "")]
    public void Classify_Script_MatchesExpectation(string script, Verb verb, Risk risk, string kind, string? id, string tags)
    {
        var actions = MongoShellClassifier.Classify(script);
        actions.ShouldNotBeEmpty();
        var action = actions.OrderByDescending(a => a.Risk).First();
        var summary = string.Join(" | ", actions.Select(a => $"{a.Verb}/{a.Risk}/{a.RuleId}/{a.Target.Kind}:{a.Target.Id}/[{string.Join(',', a.Tags)}]"));
        action.Verb.ShouldBe(verb, summary);
        action.Risk.ShouldBe(risk, summary);
        action.Target.Kind.ShouldBe(kind, summary);
        action.Target.Id.ShouldBe(id, summary);
        action.Tags.OrderBy(t => t, StringComparer.Ordinal).ShouldBe((tags.Length == 0 ? [] : tags.Split(',')).OrderBy(t => t, StringComparer.Ordinal), summary);
        action.Tool.ShouldBe("mongo");
        action.Path.ShouldBe("mongo");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("// only a comment")]
    [InlineData("/* block */")]
    public void Classify_EmptyScript_YieldsNoActions(string script)
    {
        MongoShellClassifier.Classify(script).ShouldBeEmpty();
    }

    [Fact]
    public void Classify_SeveralStatements_ReportsEach()
    {
        var actions = MongoShellClassifier.Classify("db.a.find(); db.b.insertOne({x: 1}); db.c.drop();");
        actions.Select(a => a.Target.Id).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Classify_HugeDottedCollectionName_StaysBoundedAndStillSeesTheDrop()
    {
        var script = "db." + string.Concat(Enumerable.Repeat("a.", 200_000)) + "drop()";
        var actions = MongoShellClassifier.Classify(script);
        actions.ShouldContain(a => a.HasTag(Tags.ParseError));
        actions.ShouldContain(a => a.RuleId == "mongo.drop" && a.Risk == Risk.Critical);
    }

    [Fact]
    public void Classify_DeepNesting_IsOpaqueWithoutStackOverflow()
    {
        var script = "db.a.find(" + new string('[', 10_000) + new string(']', 10_000) + ")";
        MongoShellClassifier.Classify(script).Single().HasTag(Tags.ParseError).ShouldBeTrue();
    }
}
