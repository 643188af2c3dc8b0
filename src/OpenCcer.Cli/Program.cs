return await OpenCcer.Cli.CcerCommand.RunAsync(args, Console.Out, Console.Error);
