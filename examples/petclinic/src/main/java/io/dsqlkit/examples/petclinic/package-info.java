/** Spring PetClinic on Aurora DSQL, through the dsqlkit Spring Boot starter. */
package io.dsqlkit.examples.petclinic;
