using Drydock.Analysis;
using Drydock.Compose.Model;

namespace Drydock.Compose.Validation;

/// <summary>The schema problems of every parsed compose file, computed once and shared by DC001-DC003.</summary>
public sealed class ComposeStructure
{
    private readonly Dictionary<ComposeFile, IReadOnlyList<SchemaProblem>> problems;

    private ComposeStructure(Dictionary<ComposeFile, IReadOnlyList<SchemaProblem>> problems)
    {
        this.problems = problems;
    }

    public IEnumerable<(ComposeFile File, SchemaProblem Problem)> All =>
        problems.SelectMany(pair => pair.Value.Select(problem => (pair.Key, problem)));

    public static ComposeStructure Of(Project project)
    {
        var compose = project.Model<ComposeSet>(ComposeSet.Build);
        return project.Model<ComposeStructure>(_ =>
        {
            var validator = new SchemaValidator(ComposeSchema.Default);
            return new ComposeStructure(compose.Files.Where(file => file.IsUsable).ToDictionary(file => file, validator.Validate));
        });
    }
}
