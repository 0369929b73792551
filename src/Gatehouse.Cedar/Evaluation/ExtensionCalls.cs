using System.Globalization;
using Gatehouse.Cedar.Extensions;

namespace Gatehouse.Cedar.Evaluation;

/// <summary>
/// Dispatches extension constructors and methods to the extension types (Extensions/), wrapping their values in
/// <see cref="CedarExtensionValue"/>. Bad arguments are evaluation errors, as in Cedar.
/// </summary>
internal static class ExtensionCalls
{
    public const string IpType = "ipaddr";
    public const string DecimalType = "decimal";
    public const string DatetimeType = "datetime";
    public const string DurationType = "duration";

    public static bool IsComparable(CedarExtensionValue value) => value.ExtensionType is DatetimeType or DurationType;

    public static int Compare(CedarExtensionValue left, CedarExtensionValue right) => left.Value switch
    {
        CedarDatetime a => a.CompareTo((CedarDatetime)right.Value),
        CedarDuration a => a.CompareTo((CedarDuration)right.Value),
        _ => throw EvaluationException.TypeError("long", left),
    };

    public static CedarValue Construct(string function, CedarValue[] arguments)
    {
        var text = Operators.AsString(arguments[0]);
        string? error;
        CedarValue? value = function switch
        {
            "ip" => CedarIpAddress.TryParse(text, out var ip, out error) ? Wrap(ip) : null,
            "decimal" => CedarDecimal.TryParse(text, out var number, out error) ? Wrap(number) : null,
            "datetime" => CedarDatetime.TryParse(text, out var instant, out error) ? Wrap(instant, text) : null,
            "duration" => CedarDuration.TryParse(text, out var span, out error) ? Wrap(span) : null,
            _ => throw new EvaluationException($"unknown extension function '{function}'"),
        };
        return value ?? throw new EvaluationException($"error while evaluating `{function}` extension function: {error ?? "invalid argument"}: {text}");
    }

    /// <summary>
    /// Evaluates an <c>__extn</c> escape from JSON: a constructor on one string, or a method whose receiver is the
    /// first argument. Null when the call is invalid or its result is not an extension value.
    /// </summary>
    public static CedarValue? TryCall(string function, IReadOnlyList<CedarValue> arguments)
    {
        try
        {
            CedarValue result;
            if (IsConstructor(function))
            {
                if (arguments.Count != 1 || arguments[0] is not CedarString)
                {
                    return null;
                }

                result = Construct(function, [arguments[0]]);
            }
            else if (Syntax.Reserved.MethodArity(function) is var arity and >= 0 && arguments.Count == arity + 1 && arguments[0] is CedarExtensionValue)
            {
                result = InvokeMethod(function, arguments[0], [.. arguments.Skip(1)]);
            }
            else
            {
                return null;
            }

            return result as CedarExtensionValue;
        }
        catch (EvaluationException)
        {
            return null;
        }
    }

    public static CedarValue InvokeMethod(string method, CedarValue target, CedarValue[] arguments) => method switch
    {
        "isIpv4" => CedarValue.Of(AsIp(target).IsIpv4),
        "isIpv6" => CedarValue.Of(AsIp(target).IsIpv6),
        "isLoopback" => CedarValue.Of(AsIp(target).IsLoopback),
        "isMulticast" => CedarValue.Of(AsIp(target).IsMulticast),
        "isInRange" => CedarValue.Of(AsIp(target).IsInRange(AsIp(arguments[0]))),
        "lessThan" => CedarValue.Of(AsDecimal(target).LessThan(AsDecimal(arguments[0]))),
        "lessThanOrEqual" => CedarValue.Of(AsDecimal(target).LessThanOrEqual(AsDecimal(arguments[0]))),
        "greaterThan" => CedarValue.Of(AsDecimal(target).GreaterThan(AsDecimal(arguments[0]))),
        "greaterThanOrEqual" => CedarValue.Of(AsDecimal(target).GreaterThanOrEqual(AsDecimal(arguments[0]))),
        "offset" => AsDatetime(target).TryOffset(AsDuration(arguments[0]), out var moved)
            ? Wrap(moved, null)
            : throw new EvaluationException($"overflow while computing {target}.offset({arguments[0]})"),
        "durationSince" => AsDatetime(target).TryDurationSince(AsDatetime(arguments[0]), out var since)
            ? Wrap(since)
            : throw new EvaluationException($"overflow while computing {target}.durationSince({arguments[0]})"),
        "toDate" => AsDatetime(target).TryToDate(out var date)
            ? Wrap(date, null)
            : throw new EvaluationException($"overflow while computing {target}.toDate()"),
        "toTime" => Wrap(AsDatetime(target).ToTime()),
        "toMilliseconds" => CedarValue.Of(AsDuration(target).ToMilliseconds()),
        "toSeconds" => CedarValue.Of(AsDuration(target).ToSeconds()),
        "toMinutes" => CedarValue.Of(AsDuration(target).ToMinutes()),
        "toHours" => CedarValue.Of(AsDuration(target).ToHours()),
        "toDays" => CedarValue.Of(AsDuration(target).ToDays()),
        _ => throw new EvaluationException($"unknown method '{method}'"),
    };

    private static bool IsConstructor(string function) => function is "ip" or "decimal" or "datetime" or "duration";

    private static CedarExtensionValue Wrap(CedarIpAddress value) => new(IpType, "ip", value, value.ToString());

    private static CedarExtensionValue Wrap(CedarDecimal value) => new(DecimalType, "decimal", value, value.ToString());

    private static CedarExtensionValue Wrap(CedarDuration value) => new(DurationType, "duration", value, value.ToString());

    private static CedarExtensionValue Wrap(CedarDatetime value, string? text) =>
        new(DatetimeType, "datetime", value, text ?? FormatDatetime(value));

    /// <summary>An ISO form <c>datetime(…)</c> reads back; outside years 0–9999 the engine's own millisecond form.</summary>
    private static string FormatDatetime(CedarDatetime value)
    {
        var ms = value.MillisecondsSinceEpoch;
        const long Min = -62_135_596_800_000;
        const long Max = 253_402_300_799_999;
        return ms is >= Min and <= Max
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : value.ToString();
    }

    private static CedarIpAddress AsIp(CedarValue value) =>
        value is CedarExtensionValue { Value: CedarIpAddress ip } ? ip : throw EvaluationException.TypeError(IpType, value);

    private static CedarDecimal AsDecimal(CedarValue value) =>
        value is CedarExtensionValue { Value: CedarDecimal d } ? d : throw EvaluationException.TypeError(DecimalType, value);

    private static CedarDatetime AsDatetime(CedarValue value) =>
        value is CedarExtensionValue { Value: CedarDatetime d } ? d : throw EvaluationException.TypeError(DatetimeType, value);

    private static CedarDuration AsDuration(CedarValue value) =>
        value is CedarExtensionValue { Value: CedarDuration d } ? d : throw EvaluationException.TypeError(DurationType, value);
}
