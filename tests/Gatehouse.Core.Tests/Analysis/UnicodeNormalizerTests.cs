using Gatehouse.Core.Analysis;

namespace Gatehouse.Core.Tests.Analysis;

public sealed class UnicodeNormalizerTests
{
    [Fact]
    public void Normalize_Ascii_ReturnsSameInstance()
    {
        const string text = "ls -la";

        UnicodeNormalizer.Normalize(text, out var deceptive).ShouldBeSameAs(text);
        deceptive.ShouldBeFalse();
    }

    [Theory]
    [InlineData("r\u200Bm -rf /", "rm -rf /")]
    [InlineData("rm -rf /\u202E", "rm -rf /")]
    [InlineData("\uFF52\uFF4D -rf /", "rm -rf /")]
    [InlineData("r\u043C -rf /", "rm -rf /")]
    public void Normalize_DeceptiveText_IsRevealedAndFlagged(string input, string expected)
    {
        UnicodeNormalizer.Normalize(input, out var deceptive).ShouldBe(expected);
        deceptive.ShouldBeTrue();
    }

    [Fact]
    public void Normalize_PlainForeignProse_IsNotFlagged()
    {
        UnicodeNormalizer.Normalize("git commit -m \"Исправлена ошибка\"", out var deceptive);

        deceptive.ShouldBeFalse();
    }
}
