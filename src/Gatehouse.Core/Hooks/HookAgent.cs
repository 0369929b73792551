namespace Gatehouse.Core.Hooks;

/// <summary>The coding agents whose pre-tool hook protocol Gatehouse speaks.</summary>
public enum HookAgent
{
    Claude,
    Cursor,
    Codex,
    Gemini,
    Copilot,
}
