using System.Text;

namespace Gatehouse.Core.Setup;

/// <summary>Splits a configured hook command into words the way a POSIX shell would for plain quoting (no expansions).</summary>
public static class ShellWords
{
    public static List<string> Split(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    inWord = true;
                    var close = command.IndexOf('\'', i + 1);
                    close = close < 0 ? command.Length : close;
                    current.Append(command, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    inWord = true;
                    for (i++; i < command.Length && command[i] != '"'; i++)
                    {
                        if (command[i] == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }

                        current.Append(command[i]);
                    }

                    break;
                case '\\' when i + 1 < command.Length:
                    inWord = true;
                    current.Append(command[++i]);
                    break;
                default:
                    inWord = true;
                    current.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Quotes one word for a POSIX shell; plain words stay readable.</summary>
    public static string Quote(string word)
    {
        foreach (var c in word)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or ','))
            {
                return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
            }
        }

        return word.Length == 0 ? "''" : word;
    }
}
