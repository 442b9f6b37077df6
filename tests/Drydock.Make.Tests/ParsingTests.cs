using Drydock.Make.Model;
using Drydock.Make.Parsing;
using Drydock.Text;

namespace Drydock.Make.Tests;

public sealed class ParsingTests
{
    private static MakefileDocument Parse(string text) => MakefileDocument.Parse(new SourceText("Makefile", text));

    private static string At(MakefileDocument file, MakeSpan span) => file.Text.Text[span.Start..span.End];

    [Fact]
    public void Rule_parts_keep_exact_positions()
    {
        var file = Parse("# head\nall build : src/a.c $(OBJ) | out # trailing\n\tcc -o $@ $^\n");
        var rule = Assert.Single(file.Rules);
        Assert.Equal(2, rule.Line);
        Assert.Equal(["all", "build"], rule.Targets.Select(word => word.Text));
        Assert.Equal(["src/a.c", "$(OBJ)"], rule.Prerequisites.Select(word => word.Text));
        Assert.Equal(["out"], rule.OrderOnly.Select(word => word.Text));
        Assert.Equal((2, 13), file.Text.Position(rule.Prerequisites[0].Span.Start));
        var recipe = Assert.Single(rule.Recipe);
        Assert.Equal("cc -o $@ $^", recipe.Text);
        Assert.Equal((3, 2), file.Text.Position(recipe.Span.Start));
    }

    [Fact]
    public void Continuations_join_rule_lines_and_stay_in_recipes()
    {
        var file = Parse("deps: a \\\n      b \\\n  c\n\techo one \\\n\t  two\n\techo three\n");
        var rule = Assert.Single(file.Rules);
        Assert.Equal(["a", "b", "c"], rule.Prerequisites.Select(word => word.Text));
        Assert.Equal((3, 3), file.Text.Position(rule.Prerequisites[2].Span.Start));
        Assert.Equal(2, rule.Recipe.Count);
        Assert.Equal("echo one \\\n\t  two", rule.Recipe[0].Text);
        Assert.Equal(6, rule.Recipe[1].Line);
    }

    [Fact]
    public void Double_colon_static_pattern_grouped_and_inline_recipes()
    {
        var file = Parse("clean::\n\trm a\n$(OBJS): %.o: %.c\n\tcc $<\na.h a.c &: a.y\n\tbison $<\nt: x ; echo inline # not a comment\n%.o: %.c\n\tcc\n");
        Assert.True(file.Rules[0].IsDoubleColon);
        Assert.Equal("%.o", file.Rules[1].StaticPattern?.Text);
        Assert.Equal(["%.c"], file.Rules[1].Prerequisites.Select(word => word.Text));
        Assert.False(file.Rules[1].IsPatternRule);
        Assert.True(file.Rules[2].IsGrouped);
        Assert.Equal(["a.h", "a.c"], file.Rules[2].Targets.Select(word => word.Text));
        var inline = Assert.Single(file.Rules[3].Recipe);
        Assert.True(inline.IsInline);
        Assert.Equal("echo inline # not a comment", inline.Text);
        Assert.True(file.Rules[4].IsPatternRule);
    }

    [Theory]
    [InlineData("A = 1", "A", AssignmentOperator.Recursive, "1")]
    [InlineData("A:=x y", "A", AssignmentOperator.Simple, "x y")]
    [InlineData("A ::= x", "A", AssignmentOperator.Simple, "x")]
    [InlineData("A ?= $(B)", "A", AssignmentOperator.Conditional, "$(B)")]
    [InlineData("A += -g", "A", AssignmentOperator.Append, "-g")]
    [InlineData("A != date", "A", AssignmentOperator.Shell, "date")]
    [InlineData("override export A = 1 # c", "A", AssignmentOperator.Recursive, "1")]
    [InlineData("$(NAME)_FLAGS := -O2", "$(NAME)_FLAGS", AssignmentOperator.Simple, "-O2")]
    [InlineData("URL = http://example.com:8080/x", "URL", AssignmentOperator.Recursive, "http://example.com:8080/x")]
    public void Assignments(string line, string name, AssignmentOperator op, string value)
    {
        var assignment = Assert.Single(Parse(line + "\n").Assignments);
        Assert.Equal(name, assignment.Name.Text);
        Assert.Equal(op, assignment.Operator);
        Assert.Equal(value, assignment.Value);
    }

    [Fact]
    public void Target_specific_variables_and_define_blocks()
    {
        var file = Parse("test: export CI = 1\ndefine BODY :=\nifeq x\n\tnot a recipe\nendef\nall:\n\techo\n");
        Assert.Equal(["test"], file.Assignments[0].ForTargets.Select(word => word.Text));
        Assert.False(file.Variables.IsDefined("CI"));
        var define = file.Assignments[1];
        Assert.True(define.IsDefine);
        Assert.Equal(AssignmentOperator.Simple, define.Operator);
        Assert.Equal("ifeq x\n\tnot a recipe", define.Value);
        Assert.Empty(file.Problems);
        Assert.Equal(["all"], file.Rules.Select(rule => rule.Targets[0].Text));
    }

    [Fact]
    public void Conditionals_keep_both_branches_with_their_paths()
    {
        var file = Parse("ifeq ($(OS),Windows_NT)\nx:\n\tdel a\nelse ifdef CI\nx:\n\trm a\nelse\n  ifndef Y\nx:\n\trm b\n  endif\nendif\ny:\n\ttrue\n");
        Assert.Empty(file.Problems);
        var x = file.Targets["x"];
        Assert.Equal(3, x.Count);
        Assert.False(x[0].Condition.CanCoexist(x[1].Condition));
        Assert.False(x[1].Condition.CanCoexist(x[2].Condition));
        Assert.True(x[2].Condition.IsConditional);
        Assert.False(file.Targets["y"][0].Condition.IsConditional);
        Assert.True(file.Targets["y"][0].Condition.CanCoexist(x[0].Condition));
    }

    [Theory]
    [InlineData("endif\n", "extraneous 'endif'", 1)]
    [InlineData("else\n", "extraneous 'else'", 1)]
    [InlineData("ifdef A\nB = 1\n", "missing 'endif'", 1)]
    [InlineData("define X\nbody\n", "missing 'endef', unterminated 'define'", 1)]
    [InlineData("endef\n", "extraneous 'endef'", 1)]
    [InlineData("A = 1\n\techo hi\n", "recipe commences before first target", 2)]
    [InlineData("hello world\n", "missing separator", 1)]
    [InlineData("echo $$HOME\n", "missing separator", 1)]
    [InlineData("        echo\n", "missing separator (did you mean TAB instead of 8 spaces?)", 1)]
    public void Syntax_problems_carry_make_s_message_and_line(string text, string message, int line)
    {
        var problem = Assert.Single(Parse(text).Problems);
        Assert.Equal(message, problem.Message);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void Lines_of_references_only_and_lines_with_unknown_expansions_are_not_problems()
    {
        var file = Parse("$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))\n$(info building)\n$(RULE_LINE) deps\nundefine OLD\noverride undefine OLDER\nt:\n    $(eval X := 1)\n");
        Assert.Empty(file.Problems);
        Assert.Empty(file.Statements.OfType<MisindentedRecipeLine>());
        Assert.Equal([DirectiveKind.Undefine, DirectiveKind.Undefine], file.Directives.Select(directive => directive.Kind));
        Assert.True(file.HasHiddenTargets);
    }

    [Fact]
    public void Space_indented_command_under_a_rule_is_a_misindented_recipe_line_not_a_problem()
    {
        var file = Parse("t:\n    echo a=b\n    X = 1\n");
        Assert.Empty(file.Problems);
        var line = Assert.Single(file.Statements.OfType<MisindentedRecipeLine>());
        Assert.Equal("    ", At(file, line.Indent));
        Assert.Equal("X", Assert.Single(file.Assignments).Name.Text);
    }

    [Fact]
    public void Comments_escapes_and_recipe_prefix()
    {
        var file = Parse("A = x\\#y # real comment\n.RECIPEPREFIX = >\nt:\n>echo > out\n# comment \\\n  continued: not a rule\n");
        Assert.Equal("x\\#y", file.Assignments[0].Value);
        var rule = Assert.Single(file.Rules);
        Assert.Equal("echo > out", Assert.Single(rule.Recipe).Text);
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void Directives_are_recorded()
    {
        var file = Parse("include common.mk $(EXTRA)\n-include .env\nsinclude local.mk\nexport A B\nunexport C\nvpath %.c src\nexport\ninclude = not-a-directive\n");
        Assert.Equal([DirectiveKind.Include, DirectiveKind.OptionalInclude, DirectiveKind.OptionalInclude, DirectiveKind.Export, DirectiveKind.Unexport, DirectiveKind.VPath, DirectiveKind.Export],
            file.Directives.Select(directive => directive.Kind));
        Assert.Equal(["common.mk", "$(EXTRA)"], file.Directives[0].Arguments.Select(word => word.Text));
        Assert.True(file.HasSearchPath);
        Assert.Equal("include", Assert.Single(file.Assignments).Name.Text);
    }

    [Fact]
    public void References_are_nodes_with_kinds()
    {
        const string text = "$(CC) ${X} $@ $$HOME $(shell echo $(A)) $(SRC:.c=.o) $(unterminated";
        var references = MakeText.References(text, 0, text.Length);
        Assert.Equal(
            [(MakeReferenceKind.Variable, "CC"), (MakeReferenceKind.Variable, "X"), (MakeReferenceKind.SingleCharacter, "@"), (MakeReferenceKind.Escape, "$"),
             (MakeReferenceKind.Function, "shell"), (MakeReferenceKind.Variable, "SRC"), (MakeReferenceKind.Variable, "unterminated")],
            references.Select(reference => (reference.Kind, reference.Name)));
        Assert.Equal("$(shell echo $(A))", text[references[4].Span.Start..references[4].Span.End]);
    }

    [Fact]
    public void Expander_resolves_literal_variables_only()
    {
        var file = Parse("A = x\nB := $(A)-$(A)\nC ?= c\nD = 1\nD += 2\nifdef Z\nE = e\nendif\nF = $(shell ls)\nG = $$H\n");
        Assert.Equal("x-x", file.Variables.Expand("$(B)"));
        Assert.Equal("x-x", file.Variables.Expand("${B}"));
        Assert.Null(file.Variables.Expand("$(C)"));
        Assert.Null(file.Variables.Expand("$(D)"));
        Assert.Null(file.Variables.Expand("$(E)"));
        Assert.Null(file.Variables.Expand("$(F)"));
        Assert.Null(file.Variables.Expand("$(UNSET)"));
        Assert.Equal("$H", file.Variables.Expand("$(G)"));
        Assert.Null(Parse("A = $(A)\n").Variables.Expand("$(A)"));
    }

    [Theory]
    [InlineData(".PHONY: all\n%.o: %.c\n\tcc\nall: app\napp:\n\ttrue\n", "all")]
    [InlineData("G = help\n.DEFAULT_GOAL := $(G)\nall:\nhelp:\n", "help")]
    [InlineData(".DEFAULT_GOAL := $(shell echo x)\nall:\n", null)]
    [InlineData("./app: main.c\n", "app")]
    [InlineData("A = 1\n", null)]
    public void Default_goal_is_the_setting_or_the_first_target(string text, string? goal) =>
        Assert.Equal(goal, Parse(text).DefaultGoal);

    [Fact]
    public void Pattern_matching_follows_make()
    {
        Assert.True(MakefileDocument.PatternMatches("%.o", "src/a.o"));
        Assert.True(MakefileDocument.PatternMatches("build/%.o", "build/a.o"));
        Assert.False(MakefileDocument.PatternMatches("build/%.o", "src/a.o"));
        Assert.False(MakefileDocument.PatternMatches("%.o", ".o"));
        Assert.True(MakefileDocument.PatternMatches("lib%", "libz"));
    }

    [Fact]
    public void Crlf_files_parse_like_lf_files()
    {
        var file = Parse("a: b \\\r\n  c\r\n\techo hi\r\n\r\nb:\r\n\ttrue\r\nc:\r\n\ttrue\r\n");
        Assert.Equal(["b", "c"], file.Rules[0].Prerequisites.Select(word => word.Text));
        Assert.Equal("echo hi", file.Rules[0].Recipe[0].Text);
        Assert.Empty(file.Problems);
    }
}
