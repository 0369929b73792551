using System.Text;
using Gatehouse.Core.GraphQL;
using Gatehouse.Core.Model;

namespace Gatehouse.Core.Tests.GraphQL;

public sealed class GraphQLClassifierSyntaxTests
{
    [Theory]
    [InlineData("{ me { id } }", 1)]
    [InlineData("query { me { id } }", 1)]
    [InlineData("query Me { me { id name } }", 1)]
    [InlineData("{ me { id } projects { edges { node { id } } } }", 2)]
    [InlineData("query($first: Int = 10) { projects(first: $first) { edges { node { id } } } }", 1)]
    [InlineData("{ __schema { types { name } } }", 1)]
    [InlineData("{ __typename }", 1)]
    [InlineData("query { a: me { id } b: me { name } }", 2)]
    [InlineData("query { ...F } fragment F on Query { me { id } }", 1)]
    [InlineData("{ volumeDelete }", 1)]
    [InlineData("query { volumeDelete(volumeId: \"v\") { id } }", 1)]
    [InlineData("query Q($v: [[String!]!]! = [[\"a\"]]) { x(v: $v) }", 1)]
    [InlineData("subscription { deploymentLogs(deploymentId: \"d\") { message } }", 1)]
    [InlineData("subscription OnDelete { volumeDeleted { id } }", 1)]
    public void Classify_QueryOrSubscription_OneReadPerRootField(string document, int count)
    {
        var actions = GraphQLClassifier.Classify(document);
        actions.Count.ShouldBe(count);
        actions.ShouldAllBe(a => a.Verb == Verb.Read && a.Risk == Risk.None && a.Reversible);
    }

    [Theory]
    [InlineData("\uFEFFmutation { volumeDelete(volumeId: \"v\") }")]
    [InlineData("# leading comment\nmutation { volumeDelete(volumeId: \"v\") }")]
    [InlineData("mutation # comment with { braces }\n{ volumeDelete(volumeId: \"v\") # trailing\n }")]
    [InlineData(",,,mutation,,{,,volumeDelete,(,volumeId,:,\"v\",),,},,")]
    [InlineData("mutation\r\n{\r\n\tvolumeDelete(volumeId: \"v\")\r\n}")]
    [InlineData("mutation\r{\rvolumeDelete(volumeId: \"v\")\r}")]
    [InlineData("mutation { volumeDelete(volumeId: \"\"\"v\"\"\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\"\"\n    v\n  \"\"\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\\u0076\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\\u{76}\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"v\", extra: [1, -2, 3.5, 4e10, -0.1E-3, true, false, null, ENUM, {a: {b: [\"c\"]}}]) }")]
    public void Classify_LexicalVariants_StillFindDelete(string document)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Delete);
        action.Risk.ShouldBe(Risk.Critical);
        action.Target.Id.ShouldBe("v");
    }

    [Theory]
    [InlineData("mutation { volumeDelete(volumeId: \"a\\\"b\") }", "a\"b")]
    [InlineData("mutation { volumeDelete(volumeId: \"a\\\\b\") }", "a\\b")]
    [InlineData("mutation { volumeDelete(volumeId: \"a\\/b\\n\") }", "a/b\n")]
    [InlineData("mutation { volumeDelete(volumeId: \"\"\"a \\\"\"\" b\"\"\") }", "a \"\"\" b")]
    [InlineData("mutation { volumeDelete(volumeId: \"\"\"\n  line1\n    line2\n\"\"\") }", "line1\n  line2")]
    [InlineData("mutation { volumeDelete(volumeId: \"\\uD83D\\uDE00\") }", "\U0001F600")]
    [InlineData("mutation { volumeDelete(volumeId: \"# not a comment\") }", "# not a comment")]
    [InlineData("mutation { volumeDelete(volumeId: 12345) }", "12345")]
    [InlineData("mutation { volumeDelete(volumeId: SOME_ENUM) }", "SOME_ENUM")]
    public void Classify_StringEscapes_DecodedIntoId(string document, string id)
    {
        GraphQLClassifier.Classify(document).ShouldHaveSingleItem().Target.Id.ShouldBe(id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# only a comment")]
    [InlineData("mutation {")]
    [InlineData("mutation { volumeDelete(volumeId: \"v\") ")]
    [InlineData("mutation { volumeDelete(volumeId: \"v) }")]
    [InlineData("mutation { volumeDelete(volumeId: \"v\n\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\"\"v) }")]
    [InlineData("mutation { volumeDelete(volumeId: ) }")]
    [InlineData("mutation { volumeDelete(volumeId \"v\") }")]
    [InlineData("mutation { }")]
    [InlineData("mutation { volumeDelete() }")]
    [InlineData("mutation { volumeDelete(volumeId: 012) }")]
    [InlineData("mutation { volumeDelete(volumeId: 1.) }")]
    [InlineData("mutation { volumeDelete(volumeId: 1.2.3) }")]
    [InlineData("mutation { volumeDelete(volumeId: 0x1F) }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\\q\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\\u12\") }")]
    [InlineData("mutation { volumeDelete(volumeId: \"\\u{110000}\") }")]
    [InlineData("mutation { volumeDelete(volumeId: .v) }")]
    [InlineData("mutation { volumeDelete(volumeId: 'v') }")]
    [InlineData("mutation ( { volumeDelete }")]
    [InlineData("mutation($v: ) { volumeDelete(volumeId: $v) }")]
    [InlineData("mutation($v: String = $w) { volumeDelete(volumeId: $v) }")]
    [InlineData("mutation { ...Missing }")]
    [InlineData("mutation { ...A } fragment A on Mutation { ...A }")]
    [InlineData("mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { ...A }")]
    [InlineData("mutation { ...A } fragment A on Mutation { x } fragment A on Mutation { y }")]
    [InlineData("fragment F on Mutation { volumeDelete(volumeId: \"v\") }")]
    [InlineData("mutation { ...on }")]
    [InlineData("fragment on on Mutation { x } mutation { ...on }")]
    [InlineData("mutation A { x } mutation A { y }")]
    [InlineData("mutation { x } mutation B { y }")]
    [InlineData("type Mutation { volumeDelete: Boolean }")]
    [InlineData("schema { mutation: Mutation }")]
    [InlineData("volumeDelete(volumeId: \"v\")")]
    [InlineData("mutation { volumeDelete(volumeId: \"v\") } }")]
    [InlineData("mutation { a: : volumeDelete }")]
    [InlineData("mutation { volumeDelete @ }")]
    [InlineData("mutation { volumeDelete(volumeId: [1, 2) }")]
    [InlineData("mutation { volumeDelete(volumeId: {a 1}) }")]
    [InlineData("mutation { volumeDelete } \u0000")]
    [InlineData("mutation { volumé }")]
    [InlineData("{\"query\": \"mutation { volumeDelete }\"}")]
    public void Classify_MalformedDocument_OpaqueHighNeverRead(string document)
    {
        var action = GraphQLClassifier.Classify(document).ShouldHaveSingleItem();
        action.Verb.ShouldBe(Verb.Unknown);
        action.Risk.ShouldBe(Risk.High);
        action.HasTag(Tags.Opaque).ShouldBeTrue();
        action.HasTag(Tags.ParseError).ShouldBeTrue();
        action.Tool.ShouldBe("graphql");
    }

    [Fact]
    public void Classify_NullDocument_OpaqueNotThrow()
    {
        var action = GraphQLClassifier.Classify(null!).ShouldHaveSingleItem();
        action.HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Theory]
    [InlineData(10_000, '{', '}')]
    [InlineData(10_000, '[', ']')]
    [InlineData(201, '{', '}')]
    public void Classify_DeepNesting_OpaqueWithoutStackOverflow(int depth, char open, char close)
    {
        var builder = new StringBuilder();
        if (open == '{')
        {
            builder.Append("mutation { volumeDelete(volumeId: \"v\") ");
            for (var i = 0; i < depth; i++)
            {
                builder.Append("a ").Append(open);
            }

            builder.Append('b');
            builder.Append(close, depth).Append('}');
        }
        else
        {
            builder.Append("mutation { volumeDelete(volumeId: ").Append(open, depth).Append(close, depth).Append(") }");
        }

        var action = GraphQLClassifier.Classify(builder.ToString()).ShouldHaveSingleItem();
        action.HasTag(Tags.Opaque).ShouldBeTrue();
        action.Risk.ShouldBe(Risk.High);
    }

    [Fact]
    public void Classify_DeepListType_Opaque()
    {
        var document = "mutation($v: " + new string('[', 10_000) + "String" + new string(']', 10_000) + ") { x(v: $v) }";
        GraphQLClassifier.Classify(document).ShouldHaveSingleItem().HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_NestingWithinLimit_Parses()
    {
        var document = "query { " + string.Concat(Enumerable.Repeat("a { ", 150)) + "b" + new string('}', 150) + " }";
        GraphQLClassifier.Classify(document).ShouldHaveSingleItem().Verb.ShouldBe(Verb.Read);
    }

    [Fact]
    public void Classify_LongFragmentChain_OpaqueWithoutStackOverflow()
    {
        var builder = new StringBuilder("mutation { ...F0 } ");
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append("fragment F").Append(i).Append(" on Mutation { ...F").Append(i + 1).Append(" } ");
        }

        builder.Append("fragment F10000 on Mutation { volumeDelete(volumeId: \"v\") }");
        GraphQLClassifier.Classify(builder.ToString()).ShouldHaveSingleItem().HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_ExponentialFragmentFanOut_OpaqueWithinBudget()
    {
        var builder = new StringBuilder("mutation { ...F0 } ");
        for (var i = 0; i < 40; i++)
        {
            builder.Append("fragment F").Append(i).Append(" on Mutation { ...F").Append(i + 1).Append(" ...F").Append(i + 1).Append(" } ");
        }

        builder.Append("fragment F40 on Mutation { volumeDelete(volumeId: \"v\") }");
        GraphQLClassifier.Classify(builder.ToString()).ShouldHaveSingleItem().HasTag(Tags.Opaque).ShouldBeTrue();
    }

    [Fact]
    public void Classify_OneMegabyteDocument_BoundedAndCorrect()
    {
        var builder = new StringBuilder("mutation { ");
        while (builder.Length < 1_000_000)
        {
            builder.Append("updateThing(id: \"0123456789\", input: { a: 1, b: \"xyz\" }) ");
        }

        builder.Append("volumeDelete(volumeId: \"v\") }");
        var actions = GraphQLClassifier.Classify(builder.ToString());
        actions.ShouldContain(a => a.Verb == Verb.Delete && a.Risk == Risk.Critical);
    }

    [Fact]
    public void Classify_ManyReadFields_Capped()
    {
        var document = "{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"f{i} ")) + "}";
        var actions = GraphQLClassifier.Classify(document);
        actions.Count.ShouldBe(256);
        actions.ShouldAllBe(a => a.Verb == Verb.Read);
    }

    [Fact]
    public void Classify_UnterminatedBlockStringOfMegabyte_Opaque()
    {
        var document = "mutation { x(a: \"\"\"" + new string('a', 1_000_000) + " }";
        GraphQLClassifier.Classify(document).ShouldHaveSingleItem().HasTag(Tags.ParseError).ShouldBeTrue();
    }

    [Fact]
    public void BlockStringValue_CommonIndentAndBlankLines_Removed()
    {
        GraphQLLexer.BlockStringValue("\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  ").ShouldBe("Hello,\n  World!\n\nYours,\n  GraphQL.");
    }

    [Theory]
    [InlineData("volumeDelete", "volume,delete")]
    [InlineData("deleteVolume", "delete,volume")]
    [InlineData("delete_volume", "delete,volume")]
    [InlineData("projectScheduleDeleteForce", "project,schedule,delete,force")]
    [InlineData("APITokenDelete", "api,token,delete")]
    [InlineData("deleteAPIKey", "delete,api,key")]
    [InlineData("s3BucketDelete", "s3,bucket,delete")]
    [InlineData("__typename", "typename")]
    public void SplitWords_Identifier_SplitOnBoundaries(string name, string expected)
    {
        string.Join(',', MutationVerbs.SplitWords(name)).ShouldBe(expected);
    }
}
