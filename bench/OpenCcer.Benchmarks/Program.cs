using OpenCcer.Benchmarks;

if (args is ["simulate", .. var simulateArgs]) return SimulateCommand.Run(simulateArgs, Console.Out);
if (args is ["load", .. var loadArgs]) return await LoadCommand.RunAsync(loadArgs, Console.Out);
if (args is ["exchange-engine", .. var engineArgs]) return await ExchangeEngineBench.RunAsync(engineArgs, Console.Out);

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

switch (options.Verb)
{
    case "methodologies":
        MethodologyBench.Run(Console.Out);
        return 0;
    case "matching":
        MatchingBench.Run(Console.Out, options.StreamFile, options.RecordFile);
        return 0;
    default:
        return await RegistryBench.RunAsync(options, Console.Out);
}
