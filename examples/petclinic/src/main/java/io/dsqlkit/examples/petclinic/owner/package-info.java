/** Owners, their pets and the pets' visits: entities, repositories, the clinic service and controllers. */
package io.dsqlkit.examples.petclinic.owner;
