using Drydock.Python.Model;
using Drydock.Python.Parsing;

namespace Drydock.Python.Tests;

public sealed class ModuleTests
{
    private const string Executor = """
        import argparse
        import asyncio
        import sys as system
        from os import _exit

        try:
            import uvloop
        except ImportError:
            uvloop = None

        PORT = 8003
        app, other = object(), None


        @app.route("/health")
        def health():
            return "ok"


        class Server:
            def start(self):
                system.exit(0)


        def main():
            parser = argparse.ArgumentParser(description="executor")
            parser.add_argument("--port", "-p", type=int, default=PORT)
            parser.add_argument("--host")
            parser.add_argument("mode", nargs="?")
            args = parser.parse_args()
            return args


        if __name__ == "__main__":
            if "--server" in system.argv:
                asyncio.run(Server().start())
            else:
                asyncio.run(demo())
                _exit(0)
        """;

    [Fact]
    public void Imports_carry_their_placement()
    {
        var module = PythonModule.FromText("cc_executor/core/main.py", Executor);
        Assert.False(module.HasErrors);
        Assert.Equal(["argparse", "asyncio", "sys", "os", "uvloop"], module.Imports.Select(import => import.Module));
        var uvloop = module.Imports.Single(import => import.Module == "uvloop");
        Assert.True(uvloop.Placement.GuardedAgainstImportError);
        Assert.Equal(7, uvloop.Line);
        Assert.Equal("os._exit", module.ImportAliases["_exit"]);
    }

    [Fact]
    public void Exits_know_when_they_run()
    {
        var module = PythonModule.FromText("main.py", Executor);
        var exits = module.Exits.Select(exit => (exit.Kind, exit.Placement.Context, exit.Line)).ToList();
        Assert.Equal([("sys.exit", PyExecutionContext.Function, 22), ("os._exit", PyExecutionContext.MainBlock, 39)], exits);
    }

    [Fact]
    public void Main_block_summary_shows_the_argv_branch()
    {
        var module = PythonModule.FromText("main.py", Executor);
        var main = Assert.Single(module.MainBlocks);
        Assert.Equal(34, main.Line);
        var check = Assert.Single(main.ArgvChecks);
        Assert.Equal(["--server"], check.Flags);
        Assert.Contains(check.ThenCalls, call => call.QualifiedName == "asyncio.run");
        Assert.Contains(check.ElseCalls, call => call.Callee == "demo");
        Assert.Equal("if \"--server\" in system.argv: asyncio.run(), Server(); else: asyncio.run(), demo(); _exit()", main.Summary);
        Assert.True(module.InspectsArgvByHand);
    }

    [Fact]
    public void Argparse_accepts_defined_options_and_prefixes()
    {
        var argparse = PythonModule.FromText("main.py", Executor).Argparse;
        Assert.True(argparse.IsUsed);
        Assert.True(argparse.Accepts("--port"));
        Assert.True(argparse.Accepts("--port=9000"));
        Assert.True(argparse.Accepts("-p8000"));
        Assert.True(argparse.Accepts("--ho"));
        Assert.True(argparse.Accepts("--help"));
        Assert.False(argparse.Accepts("--server"));
        Assert.False(argparse.OnlyParsesKnownArgs);
        Assert.Equal("mode", argparse.Arguments.Single(argument => !argument.IsOptional).PositionalName);
    }

    [Fact]
    public void Defined_names_and_decorators()
    {
        var module = PythonModule.FromText("main.py", Executor);
        foreach (string name in new[] { "PORT", "app", "other", "health", "Server", "main", "argparse", "system", "_exit", "uvloop" })
        {
            Assert.True(module.Defines(name), name);
        }

        Assert.False(module.Defines("parser"));
        var health = module.Function("health")!;
        Assert.Equal("app.route", Assert.Single(health.Decorators).Name);
        Assert.Equal("/health", health.Decorators[0].Call!.Positional(0)!.StringValue);
        Assert.Equal("start", Assert.Single(module.Classes).Methods.Single().Name);
    }

    [Fact]
    public void Statements_keep_exact_extents_and_clauses()
    {
        const string Text = "try:\n    import a\nexcept ImportError:\n    pass\nelse:\n    b = 1\nx = 2; y = 3\n";
        var module = PythonModule.FromText("m.py", Text);
        Assert.Equal([PyStatementKind.Try, PyStatementKind.Assign, PyStatementKind.Assign], module.Statements.Select(statement => statement.Kind));
        var statement = module.Statements[0];
        Assert.Equal(2, statement.Clauses.Count);
        Assert.Equal(Text.IndexOf("b = 1", StringComparison.Ordinal) + 5, statement.End);
        Assert.Equal(7, module.StatementLastLine(7));
    }

    [Fact]
    public void Pytest_marks_and_importorskip()
    {
        const string Text = "import pytest\npytestmark = pytest.mark.skipif(True, reason='x')\nnp = pytest.importorskip('numpy')\n\n@pytest.mark.skipif(False, reason='y')\ndef test_a():\n    pass\n";
        var module = PythonModule.FromText("test_m.py", Text);
        Assert.Single(module.PytestMarks);
        Assert.Equal("numpy", Assert.Single(module.ImportOrSkips).Module);
        Assert.Equal("pytest.mark.skipif", module.Function("test_a")!.Decorators[0].Name);
    }

    [Theory]
    [InlineData("print 'x'\n")]
    [InlineData("try:\n    pass\nexcept Exception, e:\n    pass\n")]
    [InlineData("exec 'code'\n")]
    public void Python2_statements_are_problems(string text)
    {
        var module = PythonModule.FromText("old.py", text);
        Assert.Contains(module.Problems, problem => problem.Kind == PyProblemKind.Python2);
    }

    [Theory]
    [InlineData("def f():\nreturn 1\n", "expected an indented block")]
    [InlineData("x = 1\n    y = 2\n", "unexpected indent")]
    [InlineData("else:\n    pass\n", "without a matching statement")]
    public void Structure_errors_are_problems(string text, string message)
    {
        Assert.Contains(PythonModule.FromText("bad.py", text).Problems, problem => problem.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Match_and_soft_keywords_parse()
    {
        const string Text = "match = 1\nmatch command:\n    case 'go':\n        run()\n    case _:\n        pass\n";
        var module = PythonModule.FromText("m.py", Text);
        Assert.False(module.HasErrors);
        Assert.Equal([PyStatementKind.Assign, PyStatementKind.Match], module.Statements.Select(statement => statement.Kind));
    }
}
