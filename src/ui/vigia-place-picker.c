/* vigia-place-picker.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lists from the INEI's UBIGEO table, each narrowing the next, each
 * searchable by typing (with or without accents: "huanuco" finds
 * HUÁNUCO).  A regional plan stops at the department, a provincial one at
 * the province: the deeper lists start with "the whole …".
 */
#define G_LOG_DOMAIN "vigia-place-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "vigia-core.h"
#include "vigia-place-picker.h"
#include "vigia-search-drop-down.h"
#include "vigia-ubigeo.h"

struct _VigiaPlacePicker
{
  GtkWidget    parent_instance;

  GtkDropDown *department_dropdown;
  GtkDropDown *province_dropdown;
  GtkDropDown *district_dropdown;
  GtkLabel    *codes_label;

  /* VigiaUbigeoPlace of each list, after its first item (the table lives as
   * long as the process) */
  GPtrArray   *departments;
  GPtrArray   *provinces;
  GPtrArray   *districts;
  char        *code;
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (VigiaPlacePicker, vigia_place_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What the search compares: the name without case or accents. */
static char *
fold_string (GtkStringObject *item)
{
  return vigia_text_fold (gtk_string_object_get_string (item));
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
set_up_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (fold_string), NULL, NULL);
  gtk_drop_down_set_expression (dropdown, expression);
  vigia_search_drop_down_init (dropdown);
}

/* Fills @dropdown with @first, then the names of @places. */
static void
fill (VigiaPlacePicker *self,
      GtkDropDown      *dropdown,
      const char       *first,
      GPtrArray        *places)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, first);
  for (guint i = 0; places != NULL && i < places->len; i++)
    gtk_string_list_append (names, ((const VigiaUbigeoPlace *) g_ptr_array_index (places, i))->name);

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), places != NULL && places->len > 0);
  self->updating = FALSE;
}

static const VigiaUbigeoPlace *
selected_place (GtkDropDown *dropdown,
                GPtrArray   *places)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (places == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > places->len)
    return NULL;
  return g_ptr_array_index (places, selected - 1);
}

static void
update_code (VigiaPlacePicker *self)
{
  const VigiaUbigeoPlace *place = selected_place (self->district_dropdown, self->districts);

  if (place == NULL)
    place = selected_place (self->province_dropdown, self->provinces);
  if (place == NULL)
    place = selected_place (self->department_dropdown, self->departments);

  if (vigia_set_string (&self->code, place != NULL ? place->code : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);

  /* Both systems, so that a code read in a JNE list can be checked here. */
  if (place != NULL)
    {
      g_autofree char *codes = vigia_ubigeo_place_dup_codes (place);

      gtk_label_set_text (self->codes_label, codes);
    }
  else
    {
      gtk_label_set_text (self->codes_label, "");
    }
}

static void
department_changed_cb (VigiaPlacePicker *self)
{
  const VigiaUbigeoPlace *department;

  if (self->updating)
    return;

  department = selected_place (self->department_dropdown, self->departments);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  if (department != NULL)
    self->provinces = vigia_ubigeo_children (department->code);
  fill (self, self->province_dropdown, _("The whole department"), self->provinces);
  fill (self, self->district_dropdown, _("The whole province"), NULL);
  update_code (self);
}

static void
province_changed_cb (VigiaPlacePicker *self)
{
  const VigiaUbigeoPlace *province;

  if (self->updating)
    return;

  province = selected_place (self->province_dropdown, self->provinces);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  if (province != NULL)
    self->districts = vigia_ubigeo_children (province->code);
  fill (self, self->district_dropdown, _("The whole province"), self->districts);
  update_code (self);
}

static void
district_changed_cb (VigiaPlacePicker *self)
{
  if (!self->updating)
    update_code (self);
}

static void
vigia_place_picker_dispose (GObject *object)
{
  VigiaPlacePicker *self = (VigiaPlacePicker *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIA_TYPE_PLACE_PICKER);
  /* Children of the template without an id are ours to let go of too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vigia_place_picker_parent_class)->dispose (object);
}

static void
vigia_place_picker_finalize (GObject *object)
{
  VigiaPlacePicker *self = (VigiaPlacePicker *)object;

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (vigia_place_picker_parent_class)->finalize (object);
}

static void
vigia_place_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigiaPlacePicker *self = VIGIA_PLACE_PICKER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, vigia_place_picker_get_code (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_place_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigiaPlacePicker *self = VIGIA_PLACE_PICKER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      vigia_place_picker_set_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_place_picker_class_init (VigiaPlacePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_place_picker_dispose;
  object_class->finalize = vigia_place_picker_finalize;
  object_class->get_property = vigia_place_picker_get_property;
  object_class->set_property = vigia_place_picker_set_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigia/Vigia/vigia-place-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiaPlacePicker, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlacePicker, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlacePicker, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigiaPlacePicker, codes_label);
}

static void
vigia_place_picker_init (VigiaPlacePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_up_dropdown (self->department_dropdown);
  set_up_dropdown (self->province_dropdown);
  set_up_dropdown (self->district_dropdown);

  self->departments = vigia_ubigeo_children (NULL);
  fill (self, self->department_dropdown, _("Choose a department"), self->departments);
  fill (self, self->province_dropdown, _("The whole department"), NULL);
  fill (self, self->district_dropdown, _("The whole province"), NULL);

  g_signal_connect_object (self->department_dropdown, "notify::selected",
                           G_CALLBACK (department_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->province_dropdown, "notify::selected",
                           G_CALLBACK (province_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->district_dropdown, "notify::selected",
                           G_CALLBACK (district_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vigia_place_picker_new (void)
{
  return g_object_new (VIGIA_TYPE_PLACE_PICKER, NULL);
}

/**
 * vigia_place_picker_get_code:
 *
 * Returns: (nullable): the UBIGEO code of the place chosen (2, 4 or 6
 *   digits), or %NULL while no department is
 */
const char *
vigia_place_picker_get_code (VigiaPlacePicker *self)
{
  g_return_val_if_fail (VIGIA_IS_PLACE_PICKER (self), NULL);
  return self->code;
}

static void
select_place (GtkDropDown            *dropdown,
              GPtrArray              *places,
              const VigiaUbigeoPlace *place)
{
  for (guint i = 0; places != NULL && i < places->len; i++)
    if (g_ptr_array_index (places, i) == place)
      {
        gtk_drop_down_set_selected (dropdown, i + 1);
        return;
      }
}

/**
 * vigia_place_picker_set_code:
 * @code: (nullable): a UBIGEO code, or %NULL for none
 *
 * Shows the place of @code chosen, with its department and province; an
 * unknown code chooses nothing.
 */
void
vigia_place_picker_set_code (VigiaPlacePicker *self,
                             const char       *code)
{
  const VigiaUbigeoPlace *levels[3] = { NULL, NULL, NULL };
  const VigiaUbigeoPlace *place;
  guint depth = 0;

  g_return_if_fail (VIGIA_IS_PLACE_PICKER (self));

  place = code != NULL ? vigia_ubigeo_find (code) : NULL;
  for (const VigiaUbigeoPlace *p = place; p != NULL && depth < 3; p = vigia_ubigeo_parent (p))
    depth++;
  for (guint i = depth; place != NULL && i > 0; i--, place = vigia_ubigeo_parent (place))
    levels[i - 1] = place;

  /* Each choice fills the next list, then picks in it. */
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  select_place (self->department_dropdown, self->departments, levels[0]);
  select_place (self->province_dropdown, self->provinces, levels[1]);
  select_place (self->district_dropdown, self->districts, levels[2]);
}

/**
 * vigia_place_picker_dup_place_text:
 *
 * The place chosen as the JNE writes places, in capitals, from the
 * department down: "PUNO", "LIMA - LIMA - INDEPENDENCIA"; the form the
 * importer and vigia_place_name_parse() read.
 *
 * Returns: (transfer full) (nullable): the place, or %NULL while no
 *   department is chosen
 */
char *
vigia_place_picker_dup_place_text (VigiaPlacePicker *self)
{
  const VigiaUbigeoPlace *levels[3] = { NULL, NULL, NULL };
  g_autoptr(GString) text = NULL;
  guint n = 0;

  g_return_val_if_fail (VIGIA_IS_PLACE_PICKER (self), NULL);

  levels[0] = selected_place (self->department_dropdown, self->departments);
  levels[1] = selected_place (self->province_dropdown, self->provinces);
  levels[2] = selected_place (self->district_dropdown, self->districts);
  if (levels[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (; n < 3 && levels[n] != NULL; n++)
    {
      g_autofree char *upper = g_utf8_strup (levels[n]->name, -1);

      if (n > 0)
        g_string_append (text, " - ");
      g_string_append (text, upper);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
