namespace SplitBrain;

/// <summary>One operation a register client plans: what, and when (virtual time since the start).</summary>
/// <param name="At">When the client asks.</param>
/// <param name="Command">What it asks.</param>
public sealed record PlannedCommand(TimeSpan At, RegisterCommand Command);

/// <summary>
/// A client of the replicated register, as Jepsen's clients behave: one operation at a time, through whichever
/// server it believes leads; a redirect is followed, a timeout leaves the operation indeterminate (it may yet take
/// effect) and the client moves on. It records every invocation and completion in the run's history.
/// </summary>
public sealed class RegisterClient : Node
{
    /// <summary>How long the client waits for an answer before it calls the operation indeterminate.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How many servers it asks before it gives up (every one said it does not lead: nothing happened).</summary>
    public const int MaxAttempts = 4;

    private readonly string[] servers;
    private readonly IReadOnlyList<PlannedCommand> plan;
    private readonly HistoryRecorder history;
    private int nextCommand;
    private int sequence;
    private RegisterRequest? current;
    private int attempts;
    private int target;
    private TimerId? timeout;

    /// <summary>Makes a client.</summary>
    /// <param name="plan">Its operations, in time order.</param>
    /// <param name="servers">The servers it knows, the one it asks first at the front.</param>
    /// <param name="history">Where it records what it asked and was told.</param>
    public RegisterClient(IReadOnlyList<PlannedCommand> plan, IReadOnlyList<string> servers, HistoryRecorder history)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(history);
        if (servers.Count == 0)
        {
            throw new ArgumentException("A client must know at least one server.", nameof(servers));
        }

        this.plan = plan;
        this.servers = [.. servers];
        this.history = history;
    }

    /// <inheritdoc />
    public override void OnStart()
    {
        // A restarted client has forgotten its plan's progress; it starts over from what is still ahead.
        while (nextCommand < plan.Count && plan[nextCommand].At < Simulation.Now)
        {
            nextCommand++;
        }

        ScheduleNext();
    }

    /// <inheritdoc />
    public override void OnTimer(object tag)
    {
        if (tag is PlannedCommand planned)
        {
            Begin(planned.Command);
        }
        else if (tag is "timeout" && current is not null)
        {
            timeout = null;
            history.Info(Id.Name, "timed-out", Simulation.Now);
            Finish();
        }
    }

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case RegisterReply reply when reply.RequestId == current?.RequestId:
                if (reply.Done)
                {
                    history.Ok(Id.Name, current.Command.Function == "read" ? reply.Value : current.Command.Argument, Simulation.Now);
                }
                else
                {
                    history.Fail(Id.Name, current.Command.Argument, reply.Error, Simulation.Now);
                }

                Finish();
                break;
            case NotLeader notLeader when notLeader.RequestId == current?.RequestId:
                target = notLeader.Hint is { } hint && hint != from && Array.IndexOf(servers, hint.Name) is >= 0 and var index
                    ? index
                    : (target + 1) % servers.Length;
                Ask();
                break;
        }
    }

    private void ScheduleNext()
    {
        if (nextCommand < plan.Count)
        {
            var planned = plan[nextCommand++];
            SetTimer(planned.At > Simulation.Now ? planned.At - Simulation.Now : TimeSpan.Zero, planned);
        }
    }

    private void Begin(RegisterCommand command)
    {
        current = new RegisterRequest($"{Id.Name}/{++sequence}", command);
        attempts = 0;
        target = 0;
        history.Invoke(Id.Name, command.Function, command.Argument, Simulation.Now);
        Ask();
    }

    private void Ask()
    {
        if (timeout is { } pending)
        {
            CancelTimer(pending);
            timeout = null;
        }

        if (++attempts > MaxAttempts)
        {
            history.Fail(Id.Name, current!.Command.Argument, "no-leader", Simulation.Now);
            Finish();
            return;
        }

        Send(Simulation[servers[target]], current!);
        timeout = SetTimer(RequestTimeout, "timeout");
    }

    private void Finish()
    {
        if (timeout is { } pending)
        {
            CancelTimer(pending);
            timeout = null;
        }

        current = null;
        ScheduleNext();
    }
}
