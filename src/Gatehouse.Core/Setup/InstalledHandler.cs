namespace Gatehouse.Core.Setup;

/// <summary>One Gatehouse hook handler found in a settings file: a command or a URL, with its settings.</summary>
internal sealed record InstalledHandler(string? Command, string? Url, TimeSpan? Timeout, bool FailsClosed);
