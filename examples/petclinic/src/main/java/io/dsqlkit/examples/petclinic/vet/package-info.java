/** The clinic's veterinarians and their specialties (read-only seed data). */
package io.dsqlkit.examples.petclinic.vet;
