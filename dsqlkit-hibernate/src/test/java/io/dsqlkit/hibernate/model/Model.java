package io.dsqlkit.hibernate.model;

/** The broad test model, in one list. */
public final class Model {
    public static final Class<?>[] ENTITIES = {
            Customer.class, PurchaseOrder.class, Product.class, TimeValues.class, Ticket.class,
            Vehicle.class, Truck.class, Category.class};

    private Model() {
    }
}
