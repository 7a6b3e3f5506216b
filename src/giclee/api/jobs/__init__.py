"""giclee's own job route: any background job's progress, and its cancel."""
