namespace SplitBrain;

/// <summary>
/// The storage behind the replicated register: one value, kept durably, and a fencing guard. Every command
/// is done here in one step, so whatever the store admits is one single copy's history.
/// </summary>
public sealed class RegisterStore : Node
{
    private const string ValueKey = "register-value";
    private StorageGuard guard = StorageGuard.None();

    /// <summary>The value the register holds; null before the first write.</summary>
    public long? Value => Durable.Contains(ValueKey) ? Durable.Get(ValueKey, 0L) : null;

    /// <inheritdoc />
    public override void OnStart() => guard = StorageGuard.Fencing(Durable);

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        if (message is RegisterStoreCommand command)
        {
            OnCommand(command, from);
        }
    }

    private void OnCommand(RegisterStoreCommand command, NodeId from)
    {
        string reason = "ok";
        if (command.Token is { } token && !guard.TryAdmit(token, out reason))
        {
            Record(TraceKind.WriteRejected, new WriteDecision($"{command.RequestId}: {command.Command}", token, reason), from);
            Send(from, new RegisterStoreReply(command.RequestId, false, false, Value, reason));
            return;
        }

        long? value = Value;
        bool done = command.Command.Function switch
        {
            "write" => true,
            "cas" => value == command.Command.Expected,
            _ => true,
        };
        if (done && command.Command.Function != "read")
        {
            value = command.Command.Value;
            Durable.Set(ValueKey, command.Command.Value ?? 0L);
            Record(TraceKind.WriteAccepted, new WriteDecision($"{command.RequestId}: {command.Command}", command.Token, "accepted"), from);
        }

        Send(from, new RegisterStoreReply(command.RequestId, true, done, value, reason));
    }
}
