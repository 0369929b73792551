namespace Gatehouse.Cedar.Tests.Values;

public sealed class CedarValueTests
{
    public static TheoryData<CedarValue, CedarValue, bool> Pairs => new()
    {
        { CedarValue.Of(1), CedarValue.Of(1), true },
        { CedarValue.Of(1), CedarValue.Of("1"), false },
        { CedarValue.Of(true), CedarValue.Of(true), true },
        { CedarValue.Of(new EntityUid("A", "x")), CedarValue.Of(new EntityUid("A", "x")), true },
        { CedarValue.Of(new EntityUid("A", "x")), CedarValue.Of(new EntityUid("B", "x")), false },
        { CedarSet.Of([CedarValue.Of(1), CedarValue.Of(2)]), CedarSet.Of([CedarValue.Of(2), CedarValue.Of(1), CedarValue.Of(2)]), true },
        { CedarSet.Of([CedarValue.Of(1)]), CedarSet.Of([CedarValue.Of(1), CedarValue.Of(2)]), false },
        { CedarSet.Of(Enumerable.Range(0, 50).Select(i => (CedarValue)CedarValue.Of(i))), CedarSet.Of(Enumerable.Range(0, 50).Reverse().Select(i => (CedarValue)CedarValue.Of(i))), true },
        { CedarRecord.Of([new("a", CedarValue.Of(1)), new("b", CedarValue.Of(2))]), CedarRecord.Of([new("b", CedarValue.Of(2)), new("a", CedarValue.Of(1))]), true },
        { CedarRecord.Of([new("a", CedarValue.Of(1))]), CedarRecord.Of([new("a", CedarValue.Of(2))]), false },
        { CedarRecord.Empty, CedarSet.Empty, false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Equals_FollowsCedarEquality(CedarValue left, CedarValue right, bool equal)
    {
        left.Equals(right).ShouldBe(equal);
        right.Equals(left).ShouldBe(equal);
        if (equal)
        {
            left.GetHashCode().ShouldBe(right.GetHashCode());
        }
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-129)]
    [InlineData(-128)]
    [InlineData(0)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(long.MaxValue)]
    public void Of_Long_KeepsTheValueInAndAroundTheSharedRange(long value) =>
        CedarValue.Of(value).Value.ShouldBe(value);

    [Fact]
    public void Set_Of_RemovesDuplicates() =>
        CedarSet.Of([CedarValue.Of("a"), CedarValue.Of("a"), CedarValue.Of("b")]).Count.ShouldBe(2);

    [Fact]
    public void Record_Of_RepeatedKey_Throws() =>
        Should.Throw<CedarException>(() => CedarRecord.Of([new("a", CedarValue.Of(1)), new("a", CedarValue.Of(2))]));

    [Theory]
    [InlineData("a\"b\\c\n", "\"a\\\"b\\\\c\\n\"")]
    [InlineData("\u0001", "\"\\u{1}\"")]
    [InlineData("é😀", "\"é😀\"")]
    public void String_ToString_EscapesAsCedar(string value, string expected) =>
        CedarValue.Of(value).ToString().ShouldBe(expected);

    [Fact]
    public void EntityUid_ToString_EscapesTheId() =>
        new EntityUid("Ns::User", "a\"b").ToString().ShouldBe("Ns::User::\"a\\\"b\"");

    [Fact]
    public void TypeName_NamesCedarTypes()
    {
        CedarValue.Of(1).TypeName.ShouldBe("long");
        CedarValue.Of("s").TypeName.ShouldBe("string");
        CedarValue.Of(false).TypeName.ShouldBe("bool");
        CedarSet.Empty.TypeName.ShouldBe("set");
        CedarRecord.Empty.TypeName.ShouldBe("record");
        CedarValue.Of(new EntityUid("A", "b")).TypeName.ShouldBe("entity");
    }
}
