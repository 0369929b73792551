namespace Gatehouse.Core.Hooks;

/// <summary>The coding agents whose hook protocols Gatehouse speaks.</summary>
public enum HookAgent
{
    Claude,
    Cursor,
    Codex,
    Gemini,
    Copilot,
}
