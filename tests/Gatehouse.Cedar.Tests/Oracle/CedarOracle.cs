using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Gatehouse.Cedar.Tests.Oracle;

/// <summary>
/// The official Cedar engine (cedar-wasm under Node.js, tests/oracles/cedar/cedar-oracle.mjs) as one
/// long-lived process: requests go down stdin as JSON lines, answers come back in order on stdout. Batches are
/// written on a separate task while answers are read, so neither side's pipe buffer can stall the other.
/// </summary>
internal sealed class CedarOracle : IDisposable
{
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(3);

    private readonly Lock _gate = new();
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    public CedarOracle()
    {
        var directory = CedarOracleInstallation.Ensure();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("cedar-oracle.mjs");
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Node.js (`node`) is required for the Cedar differential tests and could not be started: {exception.Message}", exception);
        }

        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public AuthorizationOutcome Authorize(DifferentialCase @case) => Authorize([@case])[0];

    public IReadOnlyList<AuthorizationOutcome> Authorize(IReadOnlyList<DifferentialCase> cases)
    {
        var lines = new List<string>(cases.Count);
        foreach (var @case in cases)
        {
            lines.Add(Line(writer =>
            {
                writer.WriteString("kind", "authorize");
                writer.WriteString("policies", @case.Policies);
                writer.WritePropertyName("entities");
                WriteJson(writer, @case.EntitiesJson);
                writer.WritePropertyName("request");
                WriteJson(writer, @case.RequestJson);
            }));
        }

        var answers = Exchange(lines);
        var outcomes = new AuthorizationOutcome[answers.Count];
        for (var i = 0; i < answers.Count; i++)
        {
            var root = answers[i].RootElement;
            outcomes[i] = root.GetProperty("ok").GetBoolean()
                ? new AuthorizationOutcome(false, root.GetProperty("decision").GetString() == "allow",
                    Strings(root.GetProperty("determining")), PolicyIds(root.GetProperty("errors")), Messages(root.GetProperty("errors")))
                : AuthorizationOutcome.Refusal(root.GetProperty("error").GetString() ?? "");
            answers[i].Dispose();
        }

        return outcomes;
    }

    public ValidationOutcome Validate(ValidationCase @case)
    {
        var line = Line(writer =>
        {
            writer.WriteString("kind", "validate");
            writer.WriteString("policies", @case.Policies);
            if (@case.SchemaIsJson)
            {
                writer.WritePropertyName("schema");
                WriteJson(writer, @case.Schema);
            }
            else
            {
                writer.WriteString("schema", @case.Schema);
            }
        });
        using var answer = Exchange([line])[0];
        var root = answer.RootElement;
        return root.GetProperty("ok").GetBoolean()
            ? new ValidationOutcome(false, root.GetProperty("valid").GetBoolean(), PolicyIds(root.GetProperty("errors")), Messages(root.GetProperty("errors")))
            : new ValidationOutcome(true, false, [], root.GetProperty("error").GetString() ?? "");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Re-writes JSON text compactly: a line break inside it would split the request line.</summary>
    private static void WriteJson(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json);
        document.WriteTo(writer);
    }

    private string Line(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", Interlocked.Increment(ref _nextId));
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private List<JsonDocument> Exchange(IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            var writing = Task.Run(() =>
            {
                foreach (var line in lines)
                {
                    _process.StandardInput.WriteLine(line);
                }

                _process.StandardInput.Flush();
            });

            var answers = new List<JsonDocument>(lines.Count);
            var reading = Task.Run(() =>
            {
                while (answers.Count < lines.Count)
                {
                    var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the Cedar oracle exited: " + StandardError());
                    var answer = JsonDocument.Parse(line);
                    if (answer.RootElement.TryGetProperty("protocolError", out var problem))
                    {
                        throw new InvalidOperationException("the Cedar oracle could not read a request: " + problem.GetString());
                    }

                    answers.Add(answer);
                }
            });

            if (!Task.WaitAll([writing, reading], BatchTimeout))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the Cedar oracle did not answer {lines.Count} cases within {BatchTimeout}");
            }

            return answers;
        }
    }

    private string StandardError()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    private static ImmutableSortedSet<string> Strings(JsonElement array)
    {
        var set = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            set.Add(item.GetString() ?? "");
        }

        return set.ToImmutable();
    }

    private static ImmutableSortedSet<string> PolicyIds(JsonElement errors)
    {
        var set = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var error in errors.EnumerateArray())
        {
            set.Add(error.GetProperty("policyId").GetString() ?? "");
        }

        return set.ToImmutable();
    }

    private static string Messages(JsonElement errors)
    {
        var messages = new List<string>();
        foreach (var error in errors.EnumerateArray())
        {
            messages.Add(error.GetProperty("policyId").GetString() + ": " + error.GetProperty("message").GetString());
        }

        return string.Join("; ", messages);
    }
}

/// <summary>One oracle process for the whole test run.</summary>
public sealed class CedarOracleFixture : IDisposable
{
    private readonly Lazy<CedarOracle> _oracle = new(() => new CedarOracle());

    internal CedarOracle Oracle => _oracle.Value;

    public void Dispose()
    {
        if (_oracle.IsValueCreated)
        {
            _oracle.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CedarOracleCollection : ICollectionFixture<CedarOracleFixture>
{
    public const string Name = "Cedar oracle";
}
