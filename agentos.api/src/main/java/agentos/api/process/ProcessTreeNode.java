package agentos.api.process;

import java.util.List;

/** A process with its children, as returned by {@link Processes#tree()}. */
public record ProcessTreeNode(ProcessDescriptor process, List<ProcessTreeNode> children) {
    public ProcessTreeNode {
        children = List.copyOf(children);
    }
}
