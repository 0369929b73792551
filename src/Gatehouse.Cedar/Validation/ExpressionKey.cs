using System.Text;
using Gatehouse.Cedar.Syntax;

namespace Gatehouse.Cedar.Validation;

/// <summary>
/// A structural name for the expressions a capability can guard (variables, entity literals, string and long
/// literals, attribute chains); null for anything else, which can then never be proven to have an attribute.
/// </summary>
internal static class ExpressionKey
{
    private const int MaxChain = 64;

    public static string? Of(Expr expr)
    {
        var builder = new StringBuilder();
        return Append(builder, expr, 0) ? builder.ToString() : null;
    }

    private static bool Append(StringBuilder builder, Expr expr, int depth)
    {
        if (depth > MaxChain)
        {
            return false;
        }

        switch (expr)
        {
            case VariableExpr variable:
                builder.Append('$').Append(variable.Variable.ToString());
                return true;
            case LiteralExpr { Value: CedarEntityRef or CedarString or CedarLong or CedarBool } literal:
                builder.Append(literal.Value.TypeName).Append(':').Append(literal.Value.ToString());
                return true;
            case GetAttributeExpr get:
                if (!Append(builder, get.Target, depth + 1))
                {
                    return false;
                }

                builder.Append('.').Append(get.Attribute.Length).Append(':').Append(get.Attribute);
                return true;
            default:
                return false;
        }
    }
}
