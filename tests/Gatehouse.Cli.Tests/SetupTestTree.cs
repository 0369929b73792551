using System.Text;

namespace Gatehouse.Cli.Tests;

/// <summary>A throw-away project directory (and home) for init and doctor, removed afterwards.</summary>
internal sealed class SetupTestTree : IDisposable
{
    public SetupTestTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "gatehouse-setup-" + Guid.NewGuid().ToString("N"));
        Project = Path.Combine(Root, "project");
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Project);
        Directory.CreateDirectory(Home);
    }

    public string Root { get; }

    public string Project { get; }

    public string Home { get; }

    public string Write(string relative, string content, string? under = null)
    {
        var path = Path.Combine(under ?? Project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Project, relative));

    /// <summary>An executable script named like gatehouse, so the settings recognise it as Gatehouse's hook.</summary>
    public string Script(string name, string body)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    public (int ExitCode, string Stdout, string Stderr) Gatehouse(params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, new StringReader(string.Empty), output, error);
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test over it is not.
        }
    }
}
