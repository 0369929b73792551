using Gatehouse.Core.Model;

namespace Gatehouse.Core.Hooks;

/// <summary>What the hook decided and the two messages it can send: one written for the model, one for the person.</summary>
/// <param name="Decision">Allow, approve or deny.</param>
/// <param name="ModelMessage">For the agent: what was stopped, why, the safe alternative, and not to work around it.</param>
/// <param name="UserMessage">For the person at the keyboard: what needs their approval or was blocked.</param>
internal sealed record HookOutcome(Decision Decision, string ModelMessage, string UserMessage);
