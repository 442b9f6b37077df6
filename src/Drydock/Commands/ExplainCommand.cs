using System.CommandLine;

namespace Drydock.Cli.Commands;

/// <summary>`drydock explain ID`: print a rule's documentation page.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("RULE") { Description = "A rule id (DF012) or name (apt-key-used)." };
        var command = new Command("explain", "Print a rule's documentation: what it finds, why it matters, examples, and the fix.") { id };
        command.SetAction(parse => Run(parse.GetValue(id)!));
        return command;
    }

    private static int Run(string idOrName)
    {
        var rule = RuleCatalog.All.FirstOrDefault(rule =>
            rule.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || rule.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
        string id = rule?.Id ?? idOrName.ToUpperInvariant();
        string? page = RuleDocs.Page(id);
        if (page is null)
        {
            Console.Error.WriteLine($"drydock: no rule '{idOrName}'. `drydock rules` lists them all.");
            return ExitCodes.UsageOrInput;
        }

        Console.Out.Write(page);
        return ExitCodes.Clean;
    }
}
