using Drydock.Logs.Analysis;

namespace Drydock.Logs.Tests;

/// <summary>Reading make calls from the scripts of workflow steps and RUN instructions.</summary>
public sealed class MakeCallTests
{
    [Fact]
    public void ReadsFoldersFileAndGoalsAndSkipsOptionArguments()
    {
        var call = Assert.Single(MakeCall.In("cd services && make -j 4 -C api --file=Makefile.ci V=1 lint test", 10));
        Assert.Equal(["services", "api"], call.Directories);
        Assert.Equal("Makefile.ci", call.File);
        Assert.Equal(["lint", "test"], call.Goals.Select(goal => goal.Text));
        Assert.Equal(10, call.Line);
    }

    [Fact]
    public void GoalsKeepTheLineTheyAreWrittenOn()
    {
        var calls = MakeCall.In("pip install -e . \\\n  && make \\\n     build\nmake -Cdocs html # the docs\n", 4);
        Assert.Equal(2, calls.Count);
        Assert.Equal((5, 6), (calls[0].Line, calls[0].Goals.Single().Line));
        Assert.Equal(["docs"], calls[1].Directories);
        Assert.Equal(("html", 7), (calls[1].Goals.Single().Text, calls[1].Goals.Single().Line));
    }

    [Fact]
    public void AFolderFromAVariableIsUnknown()
    {
        Assert.Null(Assert.Single(MakeCall.In("make -C $SERVICE_DIR test", 1)).Directories);
        Assert.Null(Assert.Single(MakeCall.In("cd \"$dir\"; make test", 1)).Directories);
    }

    [Fact]
    public void OnlyMakeProgramsAreCalls()
    {
        Assert.Empty(MakeCall.In("echo make test; cmake --build build; makedepend x", 1));
        Assert.Equal(["all"], Assert.Single(MakeCall.In("sudo CC=clang /usr/bin/gmake all", 1)).Goals.Select(goal => goal.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("make \"unterminated")]
    [InlineData("\\")]
    [InlineData("make -C")]
    [InlineData("make -f")]
    public void BrokenScriptsGiveNoCrash(string script) => _ = MakeCall.In(script, 1);
}

/// <summary>make's own lines, as the make signatures read them.</summary>
public sealed class MakeSignatureTests
{
    [Theory]
    [InlineData("LG104", "make: *** [Makefile:4: deploy] Error 3", "make target deploy failed with exit code 3")]
    [InlineData("LG104", "make[1]: *** [test] Error 2", "make target test failed with exit code 2")]
    [InlineData("LG105", "make: *** No rule to make target `lint'.  Stop.", "make has no target 'lint'")]
    [InlineData("LG181", "make: *** No rule to make target 'gen/api.h', needed by 'api.o'.  Stop.", "make cannot make 'gen/api.h', needed by 'api.o'")]
    [InlineData("LG182", "mk/rules.mk:7: *** missing separator.  Stop.", "mk/rules.mk line 7: make stops with \"missing separator\"")]
    [InlineData("LG183", "Makefile:2: *** recipe commences before first target.  Stop.", "Makefile line 2: a tab-indented line comes before the first target")]
    [InlineData("LG185", "make: 'tests' is up to date.", "make ran nothing for 'tests': a file or folder of that name makes it look up to date")]
    public void MessagesNameWhatMakePrinted(string id, string line, string message)
    {
        var signature = Signatures.SignatureCatalog.Default.ById[id];
        Assert.Equal(message, signature.FormatMessage(signature.TryMatch(line)));
    }
}
