using Drydock.Findings;
using Drydock.Workflows.Model;

namespace Drydock.CrossFile.Rules.Workflows;

/// <summary>GA043: a job runs a Python version (matrix or literal) that the project's requires-python excludes.</summary>
public sealed class MatrixPythonOutsideRequiresPythonRule : IWorkflowCrossFileRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "GA043",
        "matrix-python-outside-requires-python",
        Severity.Error,
        "A job's setup-python version (a matrix entry or a literal) is outside the project's requires-python.",
        "pip refuses to install the project on that interpreter (\"ERROR: Package 'x' requires a different Python: 3.8.18 not in '>=3.9'\"), so the job fails before any test runs; if the job does not install the project, it tests a version the project says it does not support.",
        "Drop the version from the matrix, or widen requires-python if the code really supports it.")
    {
        Fixable = true,
    };

    RuleDescriptor ICrossFileRule.Descriptor => Descriptor;

    public void Check(CrossFileContext context)
    {
        foreach (var file in context.Workflows.Workflows)
        {
            var reported = new HashSet<int>();
            foreach (var job in file.Jobs)
            {
                if (JobPython.ProjectFor(context.Python, file, job) is not { RequiresPythonText: { } constraint } project || project.RequiresPython.IsAny)
                {
                    continue;
                }

                string? install = null;
                bool installLooked = false;
                foreach (var version in JobPython.Versions(job))
                {
                    if (JobPython.Parse(version.Text) is not { } parsed
                        || (parsed.Exact is { } exact ? project.RequiresPython.Allows(exact) : project.RequiresPython.AllowsSeries(parsed.Major, parsed.Minor))
                        || !reported.Add(TextSpan.Of(version.Node).Start))
                    {
                        continue;
                    }

                    if (!installLooked)
                    {
                        install = JobPython.ProjectInstallCommand(file, job, project);
                        installLooked = true;
                    }

                    string name = project.Name ?? "the project";
                    string origin = version.MatrixKey is null ? "python-version" : version.FromInclude ? $"matrix include entry {version.MatrixKey}" : $"matrix {version.MatrixKey}";
                    string effect = install is not null
                        ? $"`{install}` fails there with \"ERROR: Package '{name}' requires a different Python: {parsed.Exact ?? $"{parsed.Major}.{parsed.Minor}.x"} not in '{constraint}'\""
                        : "the job tests a Python version the project says it does not support";
                    var span = version.Node == version.Input.Node ? file.Locate(version.Input, version.Input.Value.IndexOf(version.Text, StringComparison.Ordinal), version.Text.Length) : TextSpan.Of(version.Node);
                    context.Sink.Report(Descriptor, file.Text, span.Start, span.End,
                        $"job '{job.Id.Value}' runs Python {version.Text} ({origin}), outside requires-python '{constraint}' of {name} ({project.Path}:{project.RequiresPythonAt?.Line}): {effect}",
                        fixAdvice: $"Remove {version.Text} from the {(version.MatrixKey is null ? "python-version input" : "matrix")}, or widen requires-python in {project.Path} if {name} supports Python {parsed.Major}.{parsed.Minor}.",
                        fix: JobPython.DropRowValue(file, version),
                        related: [new RelatedLocation(new SourceLocation(project.Path, project.RequiresPythonAt?.Line ?? 0), $"requires-python '{constraint}'")]);
                }
            }
        }
    }
}
