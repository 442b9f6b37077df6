using Drydock.Docker.Model;
using Drydock.Findings;

namespace Drydock.Docker.Rules;

/// <summary>
/// A Dockerfile rule. The analyzer walks each document once and calls, in order: <see cref="VisitDocument"/>,
/// then for each stage <see cref="VisitStage"/>, then for each instruction (global ARGs first, with no stage)
/// <see cref="VisitInstruction"/> and the typed visit for its keyword. A rule overrides only what it needs.
/// Rules are shared between threads: keep no state in fields.
/// </summary>
public abstract class DockerfileRule
{
    /// <summary>The rule's descriptor (each rule file also declares it as <c>public static readonly RuleDescriptor Descriptor</c>).</summary>
    public abstract RuleDescriptor Rule { get; }

    public virtual void VisitDocument(DockerfileContext context)
    {
    }

    public virtual void VisitStage(DockerfileContext context, Stage stage)
    {
    }

    public virtual void VisitInstruction(DockerfileContext context, Instruction instruction)
    {
    }

    public virtual void VisitFrom(DockerfileContext context, FromInstruction from)
    {
    }

    public virtual void VisitRun(DockerfileContext context, RunInstruction run)
    {
    }

    /// <summary>COPY and ADD.</summary>
    public virtual void VisitCopy(DockerfileContext context, FileTransferInstruction copy)
    {
    }

    public virtual void VisitArg(DockerfileContext context, ArgInstruction arg)
    {
    }

    public virtual void VisitEnv(DockerfileContext context, EnvInstruction env)
    {
    }

    public virtual void VisitLabel(DockerfileContext context, LabelInstruction label)
    {
    }

    public virtual void VisitUser(DockerfileContext context, UserInstruction user)
    {
    }

    public virtual void VisitWorkdir(DockerfileContext context, WorkdirInstruction workdir)
    {
    }

    public virtual void VisitExpose(DockerfileContext context, ExposeInstruction expose)
    {
    }

    public virtual void VisitVolume(DockerfileContext context, VolumeInstruction volume)
    {
    }

    /// <summary>CMD and ENTRYPOINT.</summary>
    public virtual void VisitCommand(DockerfileContext context, CommandInstruction command)
    {
    }

    public virtual void VisitHealthcheck(DockerfileContext context, HealthcheckInstruction healthcheck)
    {
    }

    public virtual void VisitShell(DockerfileContext context, ShellInstruction shell)
    {
    }

    public virtual void VisitOnBuild(DockerfileContext context, OnBuildInstruction onBuild)
    {
    }

    internal void Dispatch(DockerfileContext context, Instruction instruction)
    {
        VisitInstruction(context, instruction);
        switch (instruction)
        {
            case FromInstruction from: VisitFrom(context, from); break;
            case RunInstruction run: VisitRun(context, run); break;
            case FileTransferInstruction copy: VisitCopy(context, copy); break;
            case ArgInstruction arg: VisitArg(context, arg); break;
            case EnvInstruction env: VisitEnv(context, env); break;
            case LabelInstruction label: VisitLabel(context, label); break;
            case UserInstruction user: VisitUser(context, user); break;
            case WorkdirInstruction workdir: VisitWorkdir(context, workdir); break;
            case ExposeInstruction expose: VisitExpose(context, expose); break;
            case VolumeInstruction volume: VisitVolume(context, volume); break;
            case CommandInstruction command: VisitCommand(context, command); break;
            case HealthcheckInstruction healthcheck: VisitHealthcheck(context, healthcheck); break;
            case ShellInstruction shell: VisitShell(context, shell); break;
            case OnBuildInstruction onBuild: VisitOnBuild(context, onBuild); break;
        }
    }
}
