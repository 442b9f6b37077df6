namespace Drydock.Python.Model;

/// <summary>argparse as a module uses it: parsers, their arguments, and how the command line is parsed.</summary>
public sealed class PyArgparse
{
    internal PyArgparse(IReadOnlyList<PyCall> parsers, IReadOnlyList<PyArgparseArgument> arguments, IReadOnlyList<PyCall> parseCalls, bool hasSubparsers)
    {
        Parsers = parsers;
        Arguments = arguments;
        ParseCalls = parseCalls;
        HasSubparsers = hasSubparsers;
    }

    /// <summary><c>argparse.ArgumentParser(...)</c> calls.</summary>
    public IReadOnlyList<PyCall> Parsers { get; }

    public IReadOnlyList<PyArgparseArgument> Arguments { get; }

    /// <summary><c>parse_args</c> / <c>parse_known_args</c> / <c>parse_intermixed_args</c> calls.</summary>
    public IReadOnlyList<PyCall> ParseCalls { get; }

    public bool HasSubparsers { get; }

    public bool IsUsed => Parsers.Count > 0;

    /// <summary>parse_known_args keeps unknown flags instead of exiting with status 2.</summary>
    public bool OnlyParsesKnownArgs => ParseCalls.Count > 0 && ParseCalls.All(call => call.Callee.EndsWith("parse_known_args", StringComparison.Ordinal));

    private bool AllowsAbbreviations => Parsers.All(parser => parser.Keyword("allow_abbrev")?.Text != "False");

    private bool HasHelp => Parsers.All(parser => parser.Keyword("add_help")?.Text != "False");

    /// <summary>
    /// Whether the parsers accept an option as argparse would: an exact option string, <c>--name=value</c>, -h/--help,
    /// or (unless allow_abbrev=False) an unambiguous prefix of one long option. Optional <paramref name="function"/>
    /// limits the check to the arguments added in that function.
    /// </summary>
    public bool Accepts(string flag, string? function = null)
    {
        if (!flag.StartsWith('-')) { return true; }
        string name = flag.Split('=')[0];
        if (HasHelp && name is "-h" or "--help") { return true; }
        var options = Arguments.Where(argument => function is null || argument.Call.Placement.Function == function)
            .SelectMany(argument => argument.OptionStrings).ToList();
        if (options.Contains(name, StringComparer.Ordinal)) { return true; }
        if (name.Length > 2 && !name.StartsWith("--", StringComparison.Ordinal) && options.Contains(name[..2], StringComparer.Ordinal))
        {
            return true; // -p8000
        }

        if (AllowsAbbreviations && name.StartsWith("--", StringComparison.Ordinal))
        {
            return options.Count(option => option.StartsWith(name, StringComparison.Ordinal)) == 1;
        }

        return false;
    }
}
