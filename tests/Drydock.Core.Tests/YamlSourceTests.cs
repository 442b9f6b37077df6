using Drydock.Text;
using Drydock.Yaml;
using YamlDotNet.RepresentationModel;

namespace Drydock.Core.Tests;

public class YamlSourceTests
{
    [Theory]
    [InlineData("a: 1\na: 2\n", "Duplicate key", 2)]
    [InlineData("a:\n\tb: 1\n", "tab", 2)]
    [InlineData("a: [1, 2\n", "invalid YAML", 2)]
    public void Broken_yaml_is_a_problem_with_a_position(string yaml, string message, int line)
    {
        Assert.False(YamlSource.TryParse(new SourceText("compose.yaml", yaml), out _, out var problem));
        Assert.Contains(message, problem!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(problem.Line >= line - 1 && problem.Line <= line, $"line {problem.Line}");
    }

    [Theory]
    [InlineData("services:\n  web:\n    image: nginx\n\tports: [\"80:80\"]\n", 3, "tab")]
    [InlineData("services:\n  web:\n    image: nginx\n    ports: [\"80:80\"\n    restart: always\n", 4, "")]
    public void A_position_yamldotnet_loses_is_found_again_past_the_first_line(string yaml, int atLeastLine, string message)
    {
        Assert.False(YamlSource.TryParse(new SourceText("compose.yaml", yaml), out _, out var problem));
        Assert.True(problem!.Line >= atLeastLine, $"line {problem.Line}: {problem.Message}");
        Assert.Contains(message, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("invalid YAML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_ends_on_its_last_descendants_line_not_where_the_next_key_starts()
    {
        Assert.True(YamlSource.TryParse(new SourceText("c.yaml", "services:\n  web:\n    image: nginx\n    ports:\n      - 80:80\n  db:\n    image: postgres\n"), out var source, out _));
        var services = (YamlMappingNode)((YamlMappingNode)source!.Root!).Get("services")!;
        Assert.Equal(5, services.Get("web")!.LastLine());
        Assert.Equal("80:80", services.Get("web")!.LastDescendant().ScalarValue());
        Assert.Equal(7, services.LastLine());
    }

    [Fact]
    public void Merge_keys_apply_with_explicit_keys_winning()
    {
        Assert.True(YamlSource.TryParse(new SourceText("c.yaml", "base: &b {image: x, restart: always}\nsvc:\n  <<: *b\n  image: y\n"), out var source, out _));
        var svc = (YamlMappingNode)((YamlMappingNode)source!.Root!).Get("svc")!;
        var entries = YamlNodes.Entries(svc).ToDictionary(entry => entry.Key, entry => entry.Value.ScalarValue());
        Assert.Equal("y", entries["image"]);
        Assert.Equal("always", entries["restart"]);
    }

    [Fact]
    public void A_billion_laughs_document_parses_to_shared_nodes_and_walks_within_budget()
    {
        string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char level = 'b'; level <= 'j'; level++)
        {
            char previous = (char)(level - 1);
            yaml += $"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        Assert.True(YamlSource.TryParse(new SourceText("bomb.yaml", yaml), out var source, out _));
        var budget = new YamlWalkBudget(10_000);
        int visited = Walk(source!.Root!, budget);
        Assert.True(budget.Exhausted);
        Assert.True(visited <= 10_001);
    }

    [Fact]
    public void Yaml_pragmas_cover_the_key_and_its_block()
    {
        var text = new SourceText("ci.yml", "jobs:\n  # drydock ignore=GA001\n  build:\n    runs-on: x\n  test:\n    runs-on: y\n");
        var map = YamlSource.Pragmas(text);
        Assert.True(map.IsSuppressed("GA001", "n", 4));
        Assert.False(map.IsSuppressed("GA001", "n", 6));
    }

    private static int Walk(YamlNode node, YamlWalkBudget budget)
    {
        if (!budget.Spend())
        {
            return 0;
        }

        int count = 1;
        if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children)
            {
                if (budget.Exhausted)
                {
                    break;
                }

                count += Walk(child, budget);
            }
        }
        else if (node is YamlMappingNode mapping)
        {
            foreach (var child in mapping.Children.Values)
            {
                if (budget.Exhausted)
                {
                    break;
                }

                count += Walk(child, budget);
            }
        }

        return count;
    }
}
