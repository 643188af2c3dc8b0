using System.Reflection;
using OpenCcer.Benchmarks;

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

if (options.Verb == "methodologies") return RunMethodologies();
return await RegistryBench.RunAsync(options, Console.Out);

// The methodology benchmarks live in their own class, built separately; found by name so that this
// program builds with or without it.
static int RunMethodologies()
{
    var type = typeof(BenchOptions).Assembly.GetType("OpenCcer.Benchmarks.MethodologyBench");
    var run = type?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, [typeof(TextWriter)]);
    if (run is null)
    {
        Console.Error.WriteLine("methodologies: not built in this version (OpenCcer.Benchmarks.MethodologyBench is missing).");
        return 2;
    }
    var result = run.Invoke(null, [Console.Out]);
    return result is int code ? code : 0;
}
