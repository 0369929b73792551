using YamlDotNet.Core;

namespace Gatehouse.Core.Yaml;

/// <summary>
/// A document nested deeper than its reader allows. A <see cref="YamlException"/>, so a reader that already turns YAML
/// errors into its own located message reports this one too without knowing about it.
/// </summary>
internal sealed class YamlNestingException : YamlException
{
    public YamlNestingException(string message)
        : base(message)
    {
    }

    public YamlNestingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public YamlNestingException(Mark start, Mark end, string message)
        : base(start, end, message)
    {
    }

    public YamlNestingException(Mark start, Mark end, string message, Exception innerException)
        : base(start, end, message, innerException)
    {
    }
}
