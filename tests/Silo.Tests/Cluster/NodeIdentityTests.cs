using ParIndex.Silo.Cluster;

namespace ParIndex.Silo.Tests.Cluster;

/// <summary>
/// Nodes of one Orleans cluster share their grains, so a change one of them notifies is no news to the others; a command's
/// own silo (no cluster) or another cluster's node is.
/// </summary>
public class NodeIdentityTests
{
    [Fact]
    public void A_node_skips_itself_and_the_other_nodes_of_its_cluster_but_hears_commands_and_other_clusters()
    {
        var node = NodeIdentity.InCluster("parindex");
        var sameCluster = NodeIdentity.InCluster("parindex");
        var otherCluster = NodeIdentity.InCluster("parindex-test");
        var command = NodeIdentity.New();

        Assert.True(node.IsSameCluster(node.Id));
        Assert.True(node.IsSameCluster(sameCluster.Id));
        Assert.False(node.IsSameCluster(otherCluster.Id));
        Assert.False(node.IsSameCluster(command.Id));
        // A command's silo belongs to no cluster: it hears every node.
        Assert.False(command.IsSameCluster(node.Id));
        Assert.True(command.IsSameCluster(command.Id));
    }
}
