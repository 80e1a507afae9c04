namespace SplitBrain;

/// <summary>
/// The name of one node in a simulation, such as <c>A</c> or <c>client-1</c>.
/// A node id is handed out by <see cref="Simulation.AddNode"/>; its <see cref="Index"/> is the
/// node's position in <see cref="Simulation.Nodes"/>, which lets the kernel keep per-node state in arrays.
/// </summary>
/// <param name="Index">The node's position in <see cref="Simulation.Nodes"/>, from 0.</param>
/// <param name="Name">The node's name as the lessons write it.</param>
public readonly record struct NodeId(int Index, string Name)
{
    /// <summary>The node's name, so a trace reads <c>A -> B</c> rather than a record dump.</summary>
    public override string ToString() => Name;

    /// <summary>The index, which is unique within a simulation: cheaper to hash than the name.</summary>
    public override int GetHashCode() => Index;
}
