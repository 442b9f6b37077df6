using Drydock.Make.Model;
using Drydock.Text;

namespace Drydock.Make.Tests;

/// <summary>What other parts read of a recipe line: the shell's text, its trimmed span, and repository paths.</summary>
public sealed class RecipeTextTests
{
    private const string Variables = "PLATFORMS := linux/amd64,linux/arm64\nALL = $(PLATFORMS),linux/arm/v7\nMAYBE ?= x\nTWICE = a\nTWICE += b\nPER := global\nimage: PER = target\n";

    private static MakefileDocument Parse(string text) => MakefileDocument.Parse(new SourceText("Makefile", text));

    private static (MakefileDocument File, RecipeLine Line) Recipe(string line)
    {
        var file = Parse(Variables + "image:\n" + line + "\n");
        return (file, Assert.Single(file.Rules.Single(rule => rule.Targets[0].Text == "image" && rule.HasRecipe).Recipe));
    }

    [Theory]
    [InlineData("\tdocker build --platform $(PLATFORMS) .", "docker build --platform linux/amd64,linux/arm64 .", true)]
    [InlineData("\t@-docker build --platform ${ALL} .", "docker build --platform linux/amd64,linux/arm64,linux/arm/v7 .", true)]
    [InlineData("\techo $$HOME $$$$", "echo $HOME $$", true)]
    [InlineData("\techo $(MAYBE) $(TWICE) $(PER) $(NOPE)", "echo $(MAYBE) $(TWICE) $(PER) $(NOPE)", false)]
    [InlineData("\techo $@ $(shell date) $(PLATFORMS:amd64=x)", "echo $@ $(shell date) $(PLATFORMS:amd64=x)", false)]
    [InlineData("\tdocker build \\\n\t  --platform $(PLATFORMS) \\\n\t.", "docker build \\\n  --platform linux/amd64,linux/arm64 \\\n.", true)]
    public void Shell_text_is_what_make_hands_to_the_shell(string line, string expected, bool complete)
    {
        var (file, recipe) = Recipe(line);
        var text = file.ShellTextOf(recipe);
        Assert.Equal((expected, complete), (text.Text, text.IsComplete));
    }

    [Fact]
    public void Unresolved_references_take_the_callers_placeholder()
    {
        var (file, recipe) = Recipe("\tdocker build --platform $(MAYBE),$(PLATFORMS) -f $@ .");
        var names = new List<string>();
        var text = file.ShellTextOf(recipe, reference =>
        {
            names.Add(reference.Name);
            return "$UNKNOWN";
        });
        Assert.Equal("docker build --platform $UNKNOWN,linux/amd64,linux/arm64 -f $UNKNOWN .", text.Text);
        Assert.Equal(["MAYBE", "@"], names);
        Assert.False(text.IsComplete);
    }

    [Fact]
    public void A_changed_recipe_prefix_is_dropped_after_continuations()
    {
        var file = Parse(".RECIPEPREFIX = >\nt:\n>docker build \\\n>  --platform linux/arm64 .\n");
        var recipe = Assert.Single(Assert.Single(file.Rules).Recipe);
        Assert.Equal("docker build \\\n  --platform linux/arm64 .", file.ShellTextOf(recipe).Text);
    }

    [Fact]
    public void Trimmed_span_and_one_line_text_keep_the_make_prefixes()
    {
        var file = Parse("t:\n\t  @pytest -q \\\n\t\tchecks   \n");
        var recipe = Assert.Single(Assert.Single(file.Rules).Recipe);
        Assert.Equal("@pytest -q \\\n\t\tchecks", file.Text.Text[recipe.TrimmedSpan.Start..recipe.TrimmedSpan.End]);
        Assert.Equal((2, 4), file.Text.Position(recipe.TrimmedSpan.Start));
        Assert.Equal("@pytest -q checks", recipe.OneLine);
    }

    [Theory]
    [InlineData("", "a/b", "a/b")]
    [InlineData("", "x/../y", "y")]
    [InlineData("sub", "../x", "x")]
    [InlineData("a/b", "./c//d/", "a/b/c/d")]
    [InlineData("a", "", "a")]
    [InlineData("a", ".", "a")]
    [InlineData("a", "..", "")]
    [InlineData("", "../x", null)]
    [InlineData("a/b", "../../..", null)]
    [InlineData("sub", "/usr/include/x.h", null)]
    [InlineData("sub", "~/notes", null)]
    public void Names_resolve_to_repository_paths(string folder, string name, string? expected) =>
        Assert.Equal(expected, MakeContext.RepositoryPath(folder, name));
}
