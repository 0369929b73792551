namespace Gatehouse.Core.Setup;

/// <summary>A settings file Gatehouse will not edit as it stands (unreadable, or shaped unlike the agent's schema).</summary>
public sealed class SettingsFileException : Exception
{
    public SettingsFileException()
    {
    }

    public SettingsFileException(string message)
        : base(message)
    {
    }

    public SettingsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
