using System.Globalization;
using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>DF029: useradd with a high UID and without -l (--no-log-init).</summary>
public sealed class UseraddHighUidRule : DockerfileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DF029",
        "useradd-high-uid",
        Severity.Warning,
        "useradd with a high UID and without -l bloats the image.",
        "useradd records the user in /var/log/lastlog and faillog, sparse files sized by the UID: with a large UID and overlay filesystems the layer can grow by gigabytes.",
        "Add -l (--no-log-init) to useradd.")
    {
        Equivalents = ["hadolint DL3046"],
        Fixable = true,
    };

    public override RuleDescriptor Rule => Descriptor;

    public override void VisitRun(DockerfileContext context, RunInstruction run)
    {
        foreach (var line in run.CommandLines.Where(line => line.Program == "useradd"))
        {
            if (line.HasOption('l', "--no-log-init"))
            {
                continue;
            }

            var uid = UidOf(line);
            if (uid is { } value && long.TryParse(value.Literal, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 99_999)
            {
                context.Report(Descriptor, line.Command.Span, $"useradd -u {number} without -l writes sparse log files sized by the UID into the layer; add -l", context.Insert("add -l", line.ProgramWord!.Span.End, " -l"));
            }
        }
    }

    private static ShellWord? UidOf(CommandLine line)
    {
        var arguments = line.Arguments;
        for (int index = 0; index < arguments.Count; index++)
        {
            string value = arguments[index].Value;
            if ((value is "-u" or "--uid") && index + 1 < arguments.Count)
            {
                return arguments[index + 1];
            }
        }

        return null;
    }
}
