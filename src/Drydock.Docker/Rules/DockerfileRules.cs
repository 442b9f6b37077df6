namespace Drydock.Docker.Rules;

/// <summary>
/// Every Dockerfile rule, listed explicitly (NativeAOT: no reflection at run time). A test proves each rule class of
/// the assembly is here. DF000 is reported by the analyzer itself. Keep one line per rule, in id order.
/// </summary>
public static class DockerfileRules
{
    public static IReadOnlyList<DockerfileRule> All { get; } =
    [
        // DF001-DF039: Dockerfile rules (hadolint equivalents and more)
        new ImageTagMissingRule(),
        new ImageTagLatestRule(),
        new AptUpdateSeparateRule(),
        new AptInstallRecommendsRule(),
        new AptListsNotCleanedRule(),
        new AptGetMissingYesRule(),
        new PipCacheNotDisabledRule(),
        new PipVersionUnpinnedRule(),
        new SudoUsedRule(),
        new CdInsteadOfWorkdirRule(),
        new AddInsteadOfCopyRule(),
        new AddRemoteOrArchiveRule(),
        new PipeWithoutPipefailRule(),
        new CmdShellFormRule(),
        new MultipleCmdRule(),
        new MultipleEntrypointRule(),
        new MultipleHealthcheckRule(),
        new CopyFromUnknownStageRule(),
        new CopyFromOwnStageRule(),
        new DuplicateStageNameRule(),
        new WorkdirRelativeRule(),
        new SecretInArgOrEnvRule(),
        new ExposeInvalidPortRule(),
        new MaintainerDeprecatedRule(),
        new ApkCacheKeptRule(),
        new PackageVersionUnpinnedRule(),
        new AptInsteadOfAptGetRule(),
        new CurlAndWgetRule(),
        new UseraddHighUidRule(),
        new ChownAfterCopyRule(),
        new UnknownInstructionRule(),
        new FinalStageBuildPlatformRule(),
        new SyntaxDirectiveMissingRule(),
        new ArgUsedBeforeDeclaredRule(),
        new ExecFormInvalidJsonRule(),
        new ShellSyntaxErrorRule(),
        // DF040-DF079: field-case rules
        new AptKeyUsedRule(),
        // DF041 and DF080 need the platforms the workflows and compose files build for: Drydock.CrossFile/Rules/Docker.
        new PipSourceBuildWithoutCompilerRule(),
        new FinalStageRunsAsRootRule(),
        new UserNotCreatedRule(),
        new FinalUserCannotWriteRule(),
        new HealthcheckMissingRule(),
        new HealthcheckBinaryMissingRule(),
        new SourcesCopiedBeforeDependenciesRule(),
        new ProjectReinstalledAfterRequirementsRule(),
        new CopySourceMissingRule(),
        new CopySourceDockerignoredRule(),
        new DockerignoreMissingRule(),
        new PythonEnvUnsetRule(),
    ];
}
