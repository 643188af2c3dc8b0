using System.CommandLine;
using OpenCcer.Cli;

var root = new RootCommand("ccer");
root.Subcommands.Add(CalcCommand.Create());
return root.Parse(args).Invoke();
