namespace Gatehouse.Core.Hooks;

/// <summary>The hook payload is not what the agent's protocol documents; the call is blocked, never guessed at.</summary>
internal sealed class HookPayloadException : Exception
{
    public HookPayloadException()
    {
    }

    public HookPayloadException(string message)
        : base(message)
    {
    }

    public HookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
