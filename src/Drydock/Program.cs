using System.CommandLine;
using Drydock.Cli.Commands;

namespace Drydock.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("drydock: finds why a project's CI and container deployment fail, and stops them failing.")
        {
            CheckCommand.Create(),
            DiagnoseCommand.Create(),
            RulesCommand.Create(),
            ExplainCommand.Create(),
            FixCommand.Create(),
            InitCommand.Create(),
            ImageCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"drydock: {error.Message}");
            }

            Console.Error.WriteLine("Try 'drydock --help'.");
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return parse.Invoke();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"drydock: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
    }
}
