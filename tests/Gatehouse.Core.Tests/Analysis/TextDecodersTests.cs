using Gatehouse.Core.Analysis;

namespace Gatehouse.Core.Tests.Analysis;

public sealed class TextDecodersTests
{
    [Theory]
    [InlineData("cm0gLXJmIH4=", "rm -rf ~")]
    [InlineData("cm0gLXJmIH4", "rm -rf ~")]
    [InlineData("cm0g\nLXJmIH4=", "rm -rf ~")]
    public void Base64_ValidInput_Decodes(string input, string expected) => TextDecoders.Base64(input).ShouldBe(expected);

    [Fact]
    public void Base64_InvalidInput_ReturnsNull() => TextDecoders.Base64("!!not base64!!").ShouldBeNull();

    [Fact]
    public void Hex_ValidInput_Decodes() => TextDecoders.Hex("726d202d7266202f").ShouldBe("rm -rf /");

    [Theory]
    [InlineData("a\\nb", "a\nb")]
    [InlineData("\\x72\\x6d", "rm")]
    [InlineData("\\0162\\0155", "rm")]
    [InlineData("no escapes", "no escapes")]
    public void Escapes_EchoStyle_Decodes(string input, string expected) => TextDecoders.Escapes(input).ShouldBe(expected);

    [Fact]
    public void Printf_FormatWithArguments_Renders() => TextDecoders.Printf("%s -rf %s\\n", ["rm", "/"]).ShouldBe("rm -rf /\n");

    [Fact]
    public void Reverse_Lines_AreReversedEach() => TextDecoders.Reverse("/ fr- mr").ShouldBe("rm -rf /");
}
