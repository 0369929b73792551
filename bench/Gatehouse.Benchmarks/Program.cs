using BenchmarkDotNet.Running;

namespace Gatehouse.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["cedar-side-by-side", var directory])
        {
            CedarSideBySide.Run(directory);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
