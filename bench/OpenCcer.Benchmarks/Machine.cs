using System.Runtime.InteropServices;

namespace OpenCcer.Benchmarks;

/// <summary>What the benchmark ran on.</summary>
public sealed record Machine(string Os, string Cpu, int LogicalCores, double MemoryGibibytes, string Runtime, bool ServerGc)
{
    /// <summary>The 1-minute load average (Linux), to show whether other work shared the machine.</summary>
    public static double? LoadAverage()
    {
        if (!File.Exists("/proc/loadavg")) return null;
        var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    public static Machine Current()
    {
        var cpu = "unknown";
        if (File.Exists("/proc/cpuinfo"))
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        return new Machine(RuntimeInformation.OSDescription, cpu, Environment.ProcessorCount,
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
            RuntimeInformation.FrameworkDescription, System.Runtime.GCSettings.IsServerGC);
    }
}
