namespace SplitBrain;

/// <summary>
/// A managed power switch (a PDU, or a server's baseboard controller) on the management network.
/// Asked to, it cuts a node's power, which crashes the node whatever its software believes, and confirms.
/// If the management network is cut, the request never arrives and nothing is confirmed.
/// </summary>
public sealed class PowerSwitch : Node
{
    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        if (message is PowerOff off)
        {
            Record(TraceKind.Note, $"cuts the power of {off.Target}");
            Simulation.Crash(off.Target);
            Send(from, new PowerOffConfirmed(off.Target));
        }
    }
}
