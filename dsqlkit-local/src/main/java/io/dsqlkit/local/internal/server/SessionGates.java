package io.dsqlkit.local.internal.server;

/** Makes the {@link StatementGate} of each new session and hears when sessions commit async jobs. */
public interface SessionGates {

    StatementGate newGate(ClusterRoute route);

    void jobsCommitted(ClusterRoute route);

    /** PostgreSQL's behaviour, no DSQL rules. */
    SessionGates PASS_THROUGH = new SessionGates() {
        @Override
        public StatementGate newGate(ClusterRoute route) {
            return StatementGate.PASS_THROUGH;
        }

        @Override
        public void jobsCommitted(ClusterRoute route) {
        }
    };
}
