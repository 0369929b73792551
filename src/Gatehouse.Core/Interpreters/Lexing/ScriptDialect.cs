namespace Gatehouse.Core.Interpreters.Lexing;

/// <summary>The interpreter languages the scanner understands; each has its own string and comment syntax.</summary>
internal enum ScriptDialect
{
    Python,
    JavaScript,
    Ruby,
    Perl,
    Php,
}
