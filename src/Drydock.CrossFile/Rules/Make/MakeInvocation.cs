using Drydock.Docker.Model;

namespace Drydock.CrossFile.Rules.Make;

/// <summary>
/// A <c>make</c> command line read as GNU make reads its arguments: <c>-C dir</c> (repeatable, each relative to the
/// last), <c>-f file</c>, options with values, <c>NAME=value</c> overrides, and the goals (targets) left over.
/// </summary>
internal sealed record MakeInvocation(IReadOnlyList<string> Directories, IReadOnlyList<string> Files, IReadOnlyList<ShellWord> Goals, bool IsUnknown)
{
    /// <summary>Short options that take a value, attached (<c>-Cdir</c>) or as the next word.</summary>
    private const string ShortWithValue = "CfIoW";

    /// <summary>Short options whose value is optional and numeric (<c>-j</c>, <c>-j4</c>, <c>-j 4</c>).</summary>
    private const string ShortWithNumber = "jl";

    /// <summary>Long options that take their value as the next word when it is not attached with '='.</summary>
    private static readonly HashSet<string> LongWithValue = new(StringComparer.Ordinal)
    {
        "--directory", "--file", "--makefile", "--include-dir", "--old-file", "--assume-old", "--what-if", "--new-file", "--assume-new",
    };

    public static bool IsMake(string? program) => program is "make" or "gmake";

    public static MakeInvocation Read(IReadOnlyList<ShellWord> arguments)
    {
        var directories = new List<string>();
        var files = new List<string>();
        var goals = new List<ShellWord>();
        bool unknown = false;
        for (int i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            string value = word.Value;
            if (!word.IsFlag)
            {
                if (!value.Contains('=', StringComparison.Ordinal))
                {
                    goals.Add(word);
                }

                continue;
            }

            if (value.StartsWith("--", StringComparison.Ordinal))
            {
                int equals = value.IndexOf('=', StringComparison.Ordinal);
                string option = equals < 0 ? value : value[..equals];
                if (!LongWithValue.Contains(option))
                {
                    continue;
                }

                var source = equals >= 0 ? word : i + 1 < arguments.Count ? arguments[++i] : null;
                string? argument = source is null ? null : equals >= 0 ? value[(equals + 1)..] : source.Value;
                unknown |= Record(option is "--directory" ? 'C' : option is "--file" or "--makefile" ? 'f' : '-', argument, source?.HasExpansion ?? false, directories, files);
                continue;
            }

            for (int k = 1; k < value.Length; k++)
            {
                char letter = value[k];
                if (ShortWithValue.Contains(letter, StringComparison.Ordinal))
                {
                    bool attached = k + 1 < value.Length;
                    var source = attached ? word : i + 1 < arguments.Count ? arguments[++i] : null;
                    string? argument = source is null ? null : attached ? value[(k + 1)..] : source.Value;
                    unknown |= Record(letter, argument, source?.HasExpansion ?? false, directories, files);
                    break;
                }

                if (ShortWithNumber.Contains(letter, StringComparison.Ordinal))
                {
                    if (k + 1 == value.Length && i + 1 < arguments.Count && arguments[i + 1].Value.All(char.IsAsciiDigit) && arguments[i + 1].Value.Length > 0)
                    {
                        i++;
                    }

                    break;
                }
            }
        }

        return new MakeInvocation(directories, files, goals, unknown);
    }

    /// <returns>True when the value is unknown (an expansion, or missing).</returns>
    private static bool Record(char option, string? argument, bool hasExpansion, List<string> directories, List<string> files)
    {
        if (option is not ('C' or 'f'))
        {
            return false;
        }

        if (argument is null || hasExpansion)
        {
            return true;
        }

        (option == 'C' ? directories : files).Add(argument);
        return false;
    }
}
