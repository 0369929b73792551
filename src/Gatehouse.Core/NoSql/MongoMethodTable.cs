using System.Collections.Frozen;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.NoSql;

/// <summary>What one shell method or server command does, before its arguments refine it.</summary>
internal sealed record MongoEffect(Verb Verb, Risk Risk, string TargetKind, string RuleId, string Reason, string[] Tags);

/// <summary>The mongo shell vocabulary: collection methods, db methods and runCommand/adminCommand names.</summary>
internal static class MongoMethodTable
{
    private static readonly string[] NoTags = [];

    private static readonly MongoEffect Read = new(Verb.Read, Risk.None, "collection", "mongo.read", "reads documents or metadata", NoTags);
    private static readonly MongoEffect DbRead = new(Verb.Read, Risk.None, "database", "mongo.read", "reads database metadata or state", NoTags);

    public static FrozenDictionary<string, MongoEffect> CollectionMethods { get; } = BuildCollectionMethods();

    public static FrozenDictionary<string, MongoEffect> DbMethods { get; } = BuildDbMethods();

    public static FrozenDictionary<string, MongoEffect> Commands { get; } = BuildCommands();

    private static FrozenDictionary<string, MongoEffect> BuildCollectionMethods()
    {
        var t = new Dictionary<string, MongoEffect>(StringComparer.Ordinal);
        foreach (var name in new[]
        {
            "find", "findOne", "countDocuments", "estimatedDocumentCount", "count", "distinct", "getIndexes", "getIndexKeys",
            "getIndexSpecs", "stats", "dataSize", "storageSize", "totalSize", "totalIndexSize", "isCapped", "explain", "watch",
            "latencyStats", "getShardDistribution", "getShardVersion", "validate", "getName", "getFullName", "getDB",
            "exists", "help", "getSearchIndexes", "analyzeShardKey",
        })
        {
            t[name] = Read;
        }

        t["aggregate"] = Read;
        foreach (var name in new[] { "insertOne", "insertMany", "insert", "save" })
        {
            t[name] = new(Verb.Create, Risk.Low, "collection", "mongo.insert", "inserts documents", NoTags);
        }

        foreach (var name in new[] { "createIndex", "createIndexes", "ensureIndex", "createSearchIndex" })
        {
            t[name] = new(Verb.Create, Risk.Low, "index", "mongo.create-index", "creates an index", NoTags);
        }

        foreach (var name in new[] { "updateOne", "findOneAndUpdate", "findAndModify", "findOneAndReplace", "replaceOne", "updateMany", "update" })
        {
            t[name] = new(Verb.Update, Risk.High, "collection", "mongo.update", "changes existing documents", NoTags);
        }

        foreach (var name in new[] { "deleteOne", "findOneAndDelete", "deleteMany", "remove" })
        {
            t[name] = new(Verb.Delete, Risk.High, "collection", "mongo.delete", "deletes documents", NoTags);
        }

        t["bulkWrite"] = new(Verb.Update, Risk.High, "collection", "mongo.bulk-write", "runs a batch of writes", NoTags);
        t["drop"] = new(Verb.Delete, Risk.Critical, "collection", "mongo.drop", "drop() deletes the collection and every document in it", [Tags.AllRows]);
        t["dropIndex"] = new(Verb.Delete, Risk.High, "index", "mongo.drop-index", "drops indexes queries depend on", NoTags);
        t["dropIndexes"] = t["dropIndex"];
        t["dropSearchIndex"] = t["dropIndex"];
        t["renameCollection"] = new(Verb.Update, Risk.High, "collection", "mongo.rename-collection", "renaming breaks every client that uses the old name", NoTags);
        t["hideIndex"] = new(Verb.Update, Risk.Medium, "index", "mongo.hide-index", "hides an index from the planner", NoTags);
        t["unhideIndex"] = t["hideIndex"];
        t["reIndex"] = new(Verb.Update, Risk.High, "index", "mongo.reindex", "rebuilds indexes under a lock", ["lock-heavy"]);
        t["mapReduce"] = new(Verb.Execute, Risk.Medium, "collection", "mongo.map-reduce", "runs JavaScript over the collection", [Tags.Opaque]);
        return t.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, MongoEffect> BuildDbMethods()
    {
        var t = new Dictionary<string, MongoEffect>(StringComparer.Ordinal);
        foreach (var name in new[]
        {
            "getCollectionNames", "getCollectionInfos", "stats", "serverStatus", "version", "hostInfo", "currentOp", "getName",
            "listCommands", "isMaster", "hello", "getUsers", "getUser", "getRoles", "getRole", "printCollectionStats",
            "getProfilingStatus", "getProfilingLevel", "getMongo", "getReplicationInfo", "printReplicationInfo",
            "printSecondaryReplicationInfo", "printShardingStatus", "getLogComponents", "serverBuildInfo", "serverCmdLineOpts",
            "getLastError", "getLastErrorObj", "getPrevError", "commandHelp", "help", "aggregate", "auth", "logout", "watch",
        })
        {
            t[name] = DbRead;
        }

        t["dropDatabase"] = new(Verb.Delete, Risk.Critical, "database", "mongo.drop-database", "dropDatabase() deletes the database and all its collections", [Tags.AllResources]);
        t["createCollection"] = new(Verb.Create, Risk.Low, "collection", "mongo.create-collection", "creates a collection", NoTags);
        t["createView"] = new(Verb.Create, Risk.Low, "collection", "mongo.create-view", "creates a view", NoTags);
        AddSecurity(t);
        t["killOp"] = new(Verb.Update, Risk.High, "operation", "mongo.kill-op", "kills another operation", NoTags);
        t["shutdownServer"] = new(Verb.Update, Risk.Critical, "server", "mongo.shutdown", "shuts the server down", NoTags);
        t["fsyncLock"] = new(Verb.Update, Risk.High, "server", "mongo.fsync-lock", "blocks every write until unlocked", ["lock-heavy"]);
        t["fsyncUnlock"] = new(Verb.Update, Risk.Low, "server", "mongo.fsync-unlock", "unblocks writes", NoTags);
        t["setProfilingLevel"] = new(Verb.Update, Risk.Low, "database", "mongo.profiling", "changes profiling", NoTags);
        t["setLogLevel"] = t["setProfilingLevel"];
        t["eval"] = new(Verb.Execute, Risk.High, "database", "mongo.eval", "runs server-side JavaScript", [Tags.Opaque]);
        t["copyDatabase"] = new(Verb.Create, Risk.Medium, "database", "mongo.copy-database", "copies a database", NoTags);
        t["cloneDatabase"] = t["copyDatabase"];
        t["cloneCollection"] = t["copyDatabase"];
        t["repairDatabase"] = new(Verb.Update, Risk.High, "database", "mongo.repair-database", "rewrites the database files", ["lock-heavy"]);
        return t.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void AddSecurity(Dictionary<string, MongoEffect> t)
    {
        foreach (var name in new[] { "createUser", "updateUser", "grantRolesToUser", "grantRolesToRole", "grantPrivilegesToRole", "createRole", "updateRole" })
        {
            t[name] = new(Verb.Grant, Risk.High, "user", "mongo.grant", "creates users or grants roles and privileges", NoTags);
        }

        foreach (var name in new[] { "revokeRolesFromUser", "revokeRolesFromRole", "revokePrivilegesFromRole" })
        {
            t[name] = new(Verb.Revoke, Risk.High, "user", "mongo.revoke", "revokes roles or privileges", NoTags);
        }

        t["dropUser"] = new(Verb.Delete, Risk.High, "user", "mongo.drop-user", "deletes a user or role", NoTags);
        t["dropRole"] = t["dropUser"];
        t["dropAllUsers"] = new(Verb.Delete, Risk.Critical, "user", "mongo.drop-all-users", "deletes every user or role of the database", [Tags.AllResources]);
        t["dropAllRoles"] = t["dropAllUsers"];
        t["changeUserPassword"] = new(Verb.Update, Risk.High, "user", "mongo.change-password", "changes a user's password", NoTags);
    }

    private static FrozenDictionary<string, MongoEffect> BuildCommands()
    {
        var t = new Dictionary<string, MongoEffect>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[]
        {
            "find", "aggregate", "count", "distinct", "listCollections", "listDatabases", "listIndexes", "serverStatus", "dbStats",
            "collStats", "ping", "hello", "isMaster", "buildInfo", "getLog", "currentOp", "hostInfo", "connectionStatus",
            "getParameter", "replSetGetStatus", "replSetGetConfig", "getCmdLineOpts", "whatsmyuri", "usersInfo", "rolesInfo",
            "explain", "validate", "dataSize", "top", "features", "listShards", "getMore", "dbHash", "profile", "logout",
        })
        {
            t[name] = DbRead;
        }

        t["drop"] = CollectionMethods["drop"];
        t["dropDatabase"] = new(Verb.Delete, Risk.Critical, "database", "mongo.drop-database", "dropDatabase deletes the database and all its collections", [Tags.AllResources]);
        t["delete"] = CollectionMethods["deleteMany"];
        t["update"] = CollectionMethods["updateMany"];
        t["findAndModify"] = CollectionMethods["findAndModify"];
        t["insert"] = CollectionMethods["insert"];
        t["renameCollection"] = CollectionMethods["renameCollection"];
        t["shutdown"] = new(Verb.Update, Risk.Critical, "server", "mongo.shutdown", "shuts the server down", NoTags);
        t["setParameter"] = new(Verb.Update, Risk.High, "server", "mongo.set-parameter", "changes live server parameters", NoTags);
        t["setFeatureCompatibilityVersion"] = t["setParameter"];
        foreach (var name in new[] { "killOp", "killSessions", "killAllSessions", "killAllSessionsByPattern", "killCursors" })
        {
            t[name] = new(Verb.Update, Risk.High, "operation", "mongo.kill-op", "kills other operations or sessions", NoTags);
        }

        AddSecurity(t);
        t["dropAllUsersFromDatabase"] = DbMethods["dropAllUsers"];
        t["dropAllRolesFromDatabase"] = DbMethods["dropAllUsers"];
        t["compact"] = new(Verb.Update, Risk.High, "collection", "mongo.compact", "rewrites the collection's storage", ["lock-heavy"]);
        t["fsync"] = new(Verb.Update, Risk.Medium, "server", "mongo.fsync", "flushes writes to disk", NoTags);
        foreach (var name in new[] { "replSetReconfig", "replSetStepDown", "replSetFreeze", "replSetMaintenance", "removeShard", "movePrimary", "moveChunk" })
        {
            t[name] = new(Verb.Update, Risk.High, "cluster", "mongo.topology", "changes replication or sharding topology", NoTags);
        }

        t["eval"] = DbMethods["eval"];
        t["$eval"] = DbMethods["eval"];
        t["create"] = DbMethods["createCollection"];
        t["createIndexes"] = CollectionMethods["createIndexes"];
        t["dropIndexes"] = CollectionMethods["dropIndexes"];
        t["deleteIndexes"] = CollectionMethods["dropIndexes"];
        t["collMod"] = new(Verb.Update, Risk.Medium, "collection", "mongo.coll-mod", "changes collection options or validation", NoTags);
        t["convertToCapped"] = new(Verb.Update, Risk.High, "collection", "mongo.convert-to-capped", "capping a collection discards documents beyond the cap", NoTags);
        t["emptycapped"] = new(Verb.Delete, Risk.Critical, "collection", "mongo.emptycapped", "removes every document of a capped collection", [Tags.AllRows]);
        t["cleanupOrphaned"] = new(Verb.Delete, Risk.High, "collection", "mongo.cleanup-orphaned", "deletes orphaned documents", NoTags);
        t["logRotate"] = new(Verb.Update, Risk.Low, "server", "mongo.log-rotate", "rotates the log", NoTags);
        return t.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
