using System.Text;
using Gatehouse.Core.Decisions;
using Gatehouse.Core.Model;
using Gatehouse.Core.Reporting;

namespace Gatehouse.Core.Hooks;

/// <summary>
/// One agent hook call end to end: the agent's payload in, the decision out in that agent's terms. Every failure — a
/// payload that is not the documented shape, a classifier or decider that throws, a decision that takes too long, a
/// log that cannot be written — ends in the blocking form or leaves the decision as it was; never in an allow.
/// </summary>
public sealed class HookHandler
{
    /// <summary>
    /// Agents kill slow hooks and then proceed (Claude Code, Gemini, Copilot; Copilot after 30 s by default): Gatehouse must answer,
    /// and block, before that. Generous, because a loaded machine must not turn routine commands into blocks (dcg #245).
    /// </summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);

    private readonly IDecider _decider;
    private readonly DecisionLog? _log;
    private readonly TimeProvider _time;

    public HookHandler(IDecider decider, DecisionLog? log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(time);
        _decider = decider;
        _log = log;
        _time = time;
    }

    /// <summary>How long classification and decision may take before the call is blocked.</summary>
    public TimeSpan Budget { get; init; } = DefaultBudget;

    public static bool TryParseAgent(string name, out HookAgent agent)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "claude" or "claude-code" or "claudecode":
                agent = HookAgent.Claude;
                return true;
            case "cursor":
                agent = HookAgent.Cursor;
                return true;
            case "codex" or "codex-cli":
                agent = HookAgent.Codex;
                return true;
            case "gemini" or "gemini-cli":
                agent = HookAgent.Gemini;
                return true;
            case "copilot" or "copilot-cli" or "github-copilot":
                agent = HookAgent.Copilot;
                return true;
            default:
                agent = default;
                return false;
        }
    }

    /// <summary>Decides on a thread-pool thread and blocks the call once <see cref="Budget"/> is spent (the resident server).</summary>
    public HookReply Handle(HookAgent agent, string payload) => Handle(agent, payload, Budget);

    /// <summary>
    /// Like <see cref="Handle(HookAgent, string)"/> with only <paramref name="remaining"/> of <see cref="Budget"/> left (the
    /// resident server spent the rest waiting its turn). None left: the call is blocked as over budget without deciding.
    /// </summary>
    public HookReply Handle(HookAgent agent, string payload, TimeSpan remaining) => Handle(agent, payload, inline: false, progress: null, remaining)!;

    /// <summary>
    /// Decides on the calling thread, for a process that answers one call and enforces <see cref="Budget"/> itself (the
    /// command hook's watchdog, which answers with <see cref="OverBudget"/>): no thread pool to start on the hot path.
    /// <paramref name="progress"/> receives the request as soon as it is read, so the watchdog can answer in its terms.
    /// </summary>
    /// <returns>The reply, or null when <paramref name="progress"/> was claimed first (the time limit answered instead).</returns>
    public HookReply? HandleInline(HookAgent agent, string payload, HookCallProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Handle(agent, payload, inline: true, progress, Budget);
    }

    /// <summary>The blocking reply (and its log record) for a call whose decision outran <see cref="Budget"/>.</summary>
    public HookReply OverBudget(HookAgent agent, HookCallProgress? progress) => Fail(agent, progress?.Request, OverBudgetProblem());

    /// <summary>
    /// Null only when <paramref name="progress"/> was claimed by someone else first: a call answers once, and its log holds
    /// the answer the agent got, never a decision that arrived after the time limit had already blocked the call.
    /// </summary>
    private HookReply? Handle(HookAgent agent, string payload, bool inline, HookCallProgress? progress, TimeSpan remaining)
    {
        HookRequest? request = null;
        try
        {
            request = HookPayloadParser.Parse(agent, payload ?? string.Empty);
            if (progress is not null)
            {
                progress.Request = request;
            }

            var evaluation = inline ? EvaluateInline(agent, request) : Evaluate(agent, request, remaining);
            var outcome = HookMessages.For(evaluation.Verdict, request.ToolName, evaluation.Classification.Actions);
            if (outcome.Decision == Decision.Approve && !HookReplyRenderer.HonoursAsk(agent, request.EventName))
            {
                outcome = HookMessages.ApprovalAsDeny(outcome, request.ToolName);
            }

            if (progress is not null && !progress.TryClaim())
            {
                return null;
            }

            Record(agent, request, evaluation.Classification, evaluation.Verdict, outcome);
            return HookReplyRenderer.Render(agent, request.EventName, outcome);
        }
        catch (Exception exception)
        {
            return progress is not null && !progress.TryClaim() ? null : Fail(agent, request, Problem(exception));
        }
    }

    private (Classification Classification, Verdict Verdict) EvaluateInline(HookAgent agent, HookRequest request)
    {
        var context = new DecisionContext(null, Name(agent), request.SessionId, request.WorkingDirectory, _time.GetUtcNow());
        var classification = ToolActionMapper.Map(request);
        return (classification, _decider.Decide(classification, context));
    }

    private (Classification Classification, Verdict Verdict) Evaluate(HookAgent agent, HookRequest request, TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
        {
            throw new TimeoutException(OverBudgetProblem());
        }

        var context = new DecisionContext(null, Name(agent), request.SessionId, request.WorkingDirectory, _time.GetUtcNow());
        var work = Task.Run(() =>
        {
            var classification = ToolActionMapper.Map(request);
            return (classification, _decider.Decide(classification, context));
        });

        try
        {
            return work.WaitAsync(remaining, _time).GetAwaiter().GetResult();
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(OverBudgetProblem(), exception);
        }
    }

    private string OverBudgetProblem() => $"Gatehouse was over its time budget of {Budget.TotalMilliseconds:0} ms";

    private HookReply Fail(HookAgent agent, HookRequest? request, string problem)
    {
        var outcome = HookMessages.Failure(problem);
        try
        {
            _log?.Append(new DecisionLogEntry(
                _time.GetUtcNow(), Name(agent), request?.SessionId, request?.WorkingDirectory, request?.ToolName ?? "(unreadable payload)",
                request is null ? string.Empty : InputText(request), "not classified", "deny", ["hook.failure"], problem, request?.Description));
        }
        catch (Exception logFailure) when (logFailure is not OutOfMemoryException)
        {
            // The deny stands whatever happens to its record.
        }

        return HookReplyRenderer.Render(agent, request?.EventName ?? DefaultEvent(agent), outcome);
    }

    private void Record(HookAgent agent, HookRequest request, Classification classification, Verdict verdict, HookOutcome outcome)
    {
        if (_log is null)
        {
            return;
        }

        try
        {
            _log.Append(new DecisionLogEntry(
                _time.GetUtcNow(),
                Name(agent),
                request.SessionId,
                request.WorkingDirectory,
                request.ToolName,
                InputText(request),
                Summarize(classification.Actions),
                DecisionName(verdict.Decision),
                verdict.Rules,
                verdict.Reason,
                request.Description));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A record that cannot be written must not change the decision it records.
        }
    }

    /// <summary>What the tool would act on: the command for shell tools, else the arguments as the agent sent them.</summary>
    private static string InputText(HookRequest request)
    {
        var text = HookTools.KindOf(request.ToolName, request.IsMcp) == HookToolKind.Shell ? ToolActionMapper.CommandOf(request.Input) : null;
        text ??= request.Input.ValueKind == System.Text.Json.JsonValueKind.Undefined ? string.Empty : request.Input.GetRawText();
        return text.Length <= 16_384 ? text : string.Concat(text.AsSpan(0, 16_384), "…");
    }

    private static string Summarize(IReadOnlyList<AgentAction> actions)
    {
        var builder = new StringBuilder();
        foreach (var action in actions)
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }

            // The wire names, not Enum.ToString(): its reflection is a measurable part of a hook process's start-up.
            builder.Append(WireNames.Of(action.Verb)).Append(' ').Append(action.Target.Kind);
            if (action.Target.Id is { } id)
            {
                builder.Append(' ').Append(id.Length <= 200 ? id : id[..200]);
            }

            builder.Append(" (").Append(action.Path).Append(", ").Append(WireNames.Of(action.Risk));
            foreach (var tag in action.Tags)
            {
                builder.Append(", ").Append(tag);
            }

            builder.Append(')');
            if (builder.Length > 4096)
            {
                break;
            }
        }

        return builder.ToString();
    }

    private static string Problem(Exception exception) => exception switch
    {
        HookPayloadException payload => payload.Message,
        TimeoutException timeout => timeout.Message,
        AggregateException { InnerException: { } inner } => Problem(inner),
        _ => $"internal error ({exception.GetType().Name}: {exception.Message})",
    };

    private static string DefaultEvent(HookAgent agent) => agent switch
    {
        HookAgent.Cursor => "preToolUse",
        HookAgent.Gemini => "BeforeTool",
        HookAgent.Copilot => "preToolUse",
        _ => "PreToolUse",
    };

    internal static string Name(HookAgent agent) => agent switch
    {
        HookAgent.Claude => "claude",
        HookAgent.Cursor => "cursor",
        HookAgent.Codex => "codex",
        HookAgent.Gemini => "gemini",
        _ => "copilot",
    };

    private static string DecisionName(Decision decision) => decision switch
    {
        Decision.Allow => "allow",
        Decision.Approve => "approve",
        _ => "deny",
    };
}
